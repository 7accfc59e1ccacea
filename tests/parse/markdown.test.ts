/**
 * Markdown round trip: import → clean Markdown → parse gives back the same tree
 * (positions, diagnostics and the removed-duplicate record aside), on every fixture; and the
 * documented syntax reads as documented.
 */
import { describe, expect, it } from 'vitest';
import type { ZbDocument } from '../../src/ast/types.js';
import { toMarkdown } from '../../src/markdown/stringify.js';
import { parseSource } from '../../src/parse/index.js';
import { fixtureCases } from './fixtures.js';

/** The tree without what Markdown does not carry: positions, messages, source name, removed text. */
function comparable(tree: ZbDocument): unknown {
  return JSON.parse(
    JSON.stringify(
      {
        ...tree,
        source: undefined,
        diagnostics: undefined,
        dropped: undefined,
        position: undefined,
        children: undefined,
      },
      (k, v) => (k === 'position' ? undefined : v),
    ),
  );
}

describe('Markdown source round trip', () => {
  for (const c of fixtureCases().filter((x) => x.name !== 'binary-refused')) {
    it(c.name, () => {
      const { tree } = parseSource(c.input, 'input.txt');
      const md = toMarkdown(tree);
      const back = parseSource(new TextEncoder().encode(md), 'input.md');
      expect(comparable(back.tree)).toEqual(comparable(tree));
      expect(back.tree.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    });
  }

  it('reads the documented syntax', () => {
    const md = [
      '---',
      'folio: {page: 3, section: 要闻}',
      'banner: [百年伟业]',
      '---',
      '',
      '# 主标题 第二句',
      '',
      'institution: 某区人民医院',
      'kicker: 引题',
      'authors: 张三 李四',
      'photo-credit: 图/王五',
      'truncated: true',
      '',
      '> 导语第一段。',
      '>',
      '> 导语第二段。',
      '',
      '### 小标题',
      '',
      '正文第一段，authors: 不是字段。',
      '',
      '![图片说明](images/a.jpg "赵六 摄")',
      '',
    ].join('\n');
    const { tree } = parseSource(new TextEncoder().encode(md), 'page.md');
    const a = tree.articles[0];
    expect(tree.folio).toEqual({ page: 3, section: '要闻' });
    expect(tree.banner).toEqual(['百年伟业']);
    expect(a).toMatchObject({
      headline: '主标题 第二句',
      institution: '某区人民医院',
      kicker: '引题',
      truncated: true,
      byline: { authors: ['张三', '李四'], photoCredit: '图/王五' },
    });
    expect(a.lede.map((p) => p.children[0].value)).toEqual(['导语第一段。', '导语第二段。']);
    expect(a.children.map((c) => c.type)).toEqual(['heading', 'paragraph', 'figure']);
    expect(a.children[2]).toMatchObject({ caption: '图片说明', credit: '赵六 摄', src: 'images/a.jpg' });
    expect(a.children[1].position?.start.line).toBe(20);
  });

  it('escapes text that would read as Markdown or as a field', () => {
    const input = new TextEncoder().encode('某区人民医院 标题\n\n1. 第一条*重点*，[注]<b>。\n\nid: 这不是字段。\n');
    const { tree } = parseSource(input, 'x.txt');
    const back = parseSource(new TextEncoder().encode(toMarkdown(tree)), 'x.md').tree;
    expect(back.articles[0].children.map((c) => (c.type === 'paragraph' ? c.children[0].value : ''))).toEqual([
      '1. 第一条*重点*，[注]<b>。',
      'id: 这不是字段。',
    ]);
  });
});
