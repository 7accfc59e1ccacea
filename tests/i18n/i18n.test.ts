/** One catalogue, two languages: the environment or the config picks, diagnostics keep their values, unknown forms stay English. */
import { describe, expect, it } from 'vitest';
import { diagnosticMessage, summaryLine } from '../../src/i18n/diagnostics.js';
import { catalogue, langFromEnv, resolveLang, translate } from '../../src/i18n/index.js';
import { EN, ZH_CN } from '../../src/i18n/messages.js';
import { runCli, tempProject } from '../helpers/cli.js';

describe('language choice', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG; Chinese locales give zh-CN', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'zh_TW.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
    expect(resolveLang('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
  });

  it('has every message in Chinese, with the same placeholders', () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      expect(ZH_CN[key], key).toBeTruthy();
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(ZH_CN[key]!), key).toEqual(names(EN[key]));
    }
    expect(translate('zh-CN', 'build.wrote', { path: 'out.pdf', count: 2, pages: 'x' })).toBe(
      '已写出 out.pdf（共 2 版：x）',
    );
    expect(catalogue('en')['ui.makeup']).toBe('Make-up');
  });
});

describe('diagnostics in Chinese', () => {
  it('says a known message again with its values', () => {
    const d = {
      ruleId: 'halfwidth-punctuation',
      message: 'Replaced 3 half-width punctuation mark(s) in Chinese text with full-width',
    };
    expect(diagnosticMessage(d, 'zh-CN')).toBe('中文里的 3 个半角标点已改为全角');
    expect(diagnosticMessage(d, 'en')).toBe(d.message);
    const truncated = {
      ruleId: 'truncated-text',
      message: 'Article “医院新貌” stops mid-sentence (…工作); the rest of the text is missing',
    };
    expect(diagnosticMessage(truncated, 'zh-CN')).toBe('文章“医院新貌”在句子中间结束（…工作）；后文缺失');
  });

  it('keeps an unknown rule or a reworded message in English', () => {
    expect(diagnosticMessage({ ruleId: 'new-rule', message: 'Something new' }, 'zh-CN')).toBe('Something new');
    expect(diagnosticMessage({ ruleId: 'halfwidth-punctuation', message: 'Reworded text' }, 'zh-CN')).toBe(
      'Reworded text',
    );
  });

  it('counts in Chinese', () => {
    expect(summaryLine('76 messages (⚠ 4 warnings)', 'zh-CN')).toBe('共 76 条提示（⚠ 4 条警告）');
  });
});

describe('LANG=zh_CN.UTF-8 zhuanban build', () => {
  const SOURCE =
    '# 社区医院开展义诊\n\n医院组织专家走进社区，为居民测量血压。\n\n## 家庭医生\n\n家庭医生团队现场为居民办理签约。\n';

  it('speaks Chinese: diagnostics, the summary and the written file', async () => {
    const dir = await tempProject({ 'a.md': SOURCE });
    const { code, stderr } = await runCli(['build', '-q', 'a.md'], dir, { LANG: 'zh_CN.UTF-8', LC_ALL: '' });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('这个 2 级标题按小标题处理');
    expect(stderr).toMatch(
      /已写出 .*edition\.pdf（共 1 版：第1版 版面利用率 [\d.]+%（文字 \d+%，照片 \d+%，空图片位 \d+%）溢出 \d+ 字）/,
    );
    expect(stderr).not.toContain('wrote');
  });

  it('speaks English when the config says lang: en', async () => {
    const dir = await tempProject({ 'a.md': SOURCE, 'zhuanban.config.json': '{"lang":"en"}' });
    const { code, stderr } = await runCli(['build', '-q', 'a.md'], dir, { LANG: 'zh_CN.UTF-8', LC_ALL: '' });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('read this level-2 heading as one');
    expect(stderr).toContain('wrote ');
  });
});
