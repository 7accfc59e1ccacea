/**
 * Columns printed band by band (other papers' pages): on a page whose columns start level
 * with indented first lines, pdftotext prints the first lines of every column, then the next piece of
 * every column, and so on (tests/parse/data/theory-page: source.html printed by Chromium, input.txt is
 * its pdftotext). rethread.ts reads such bands back column by column, so the body paragraphs come
 * back whole. Known gap: a column that pdftotext moved to the end of the page with its subhead
 * (`深刻把握…` + `开放是…`) is not joined to the column it goes on in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';

const DIR = join(import.meta.dirname, 'data', 'theory-page');

describe('columns printed band by band', () => {
  it('gives back the paragraphs of the printed page whole', () => {
    const html = readFileSync(join(DIR, 'source.html'), 'utf8');
    const printed = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!);
    const { tree } = parseSource(readFileSync(join(DIR, 'input.txt')), 'input.txt');
    const got = tree.articles
      .flatMap((a) => a.children)
      .filter((c) => c.type === 'paragraph')
      .map((p) => p.children.map((t) => t.value).join(''));
    const whole = printed.filter((p) => got.includes(p));
    expect(printed).toHaveLength(7);
    expect(whole, printed.filter((p) => !got.includes(p)).join('\n')).toHaveLength(6);
    expect(printed[1]!.startsWith('开放是当代中国')).toBe(true);
    expect(whole).not.toContain(printed[1]);
  });

  it('never takes a head under its kicker for a column’s first lines (a dateline cut by a column break)', () => {
    // A truncated column, then a kicker and a head with punctuation over a dateline whose first line a
    // column break cut off: the head and the dateline are two short open flows, but no band.
    const page = [
      '走进某某县中医院',
      '“优化营商环境”聚焦群众所需',
      '',
      '从“看得上病”到“看',
      '得好病”，一组数字背后，',
      '是医务工作者日复一日的',
      '坚守。——编 者',
      '',
      '学科建设长足发展。医院常',
      '年承担全县疑难重症救治、应急',
      '救援等医疗任务。',
      '医疗技术不断进步。改善医',
      '',
      '疗服务实现新突破。党组织健康',
      '发展。',
      '党组织由2014年的3个支部1',
      '32名党员发',
      '',
      '',
      '走进某某区疾病预防控制中心',
      '',
      '守牢安全底线，打造区域医疗高地',
      '',
      '本报上海4月14日电（记者 ',
      '',
      '李明、王小芳）专项行动还催生',
      '多项服务创新：158人志愿队深',
      '入门诊提供常态化引导；通过',
      '“争创病区优质服务标兵，优质',
      '服务流动红旗岗”活动评选树立',
      '标杆，患者表扬范围首次覆盖志',
      '愿者、清洁工等外派人员；妇科',
      '',
      '为提升治理能力的长效机制，为',
      '医院高质量发展注入持久动力。',
      '',
    ].join('\n');
    const { tree } = parseSource(new TextEncoder().encode(page), 'page.txt');
    const last = tree.articles.at(-1)!;
    expect(last.headline).toBe('守牢安全底线，打造区域医疗高地');
    const first = last.children[0] as { children: { value: string }[] };
    expect(first.children.map((c) => c.value).join('')).toMatch(/^本报上海4月14日电（记者 ?李明、王小芳）专项行动/);
  });
});
