/** The make-up's findings become diagnostics at their source lines. */
import { describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../src/i18n/diagnostics.js';
import { makeupDiagnostics } from '../../src/layout/makeup-diagnostics.js';
import type { PageView } from '../../src/render/view.js';

const view = {
  number: 3,
  source: 'a.txt',
  articles: [{ id: 'a1', domId: 'p0-a1', headline: '标题', line: 4 }],
} as unknown as PageView;

describe('makeupDiagnostics', () => {
  it('puts overset at the article and each widow, orphan and short line at its paragraph', () => {
    const found = makeupDiagnostics(
      view,
      {
        number: 3,
        fill: 1,
        oversetChars: 12,
        widows: 1,
        orphans: 1,
        singleCharLines: 1,
        unbalancedModules: 0,
        modules: [
          {
            id: 'a1',
            overset: 12,
            breaks: [
              { kind: 'widow', line: 9 },
              { kind: 'orphan', line: 15 },
              { kind: 'single-char-line', line: 20 },
            ],
          },
        ],
      },
      'seeds/a.txt',
    );
    expect(found.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['overset', 'seeds/a.txt', 4],
      ['widow', 'seeds/a.txt', 9],
      ['orphan', 'seeds/a.txt', 15],
      ['single-char-line', 'seeds/a.txt', 20],
    ]);
    expect(found.every((d) => d.message.startsWith('page 3: 「标题」'))).toBe(true);
  });

  it('tells the editor, at its source line, which paragraph was re-tracked to copyfit its module', () => {
    const page = {
      number: 3,
      fill: 1,
      oversetChars: 0,
      widows: 0,
      orphans: 0,
      singleCharLines: 0,
      unbalancedModules: 0,
    };
    const found = makeupDiagnostics(
      view,
      { ...page, modules: [{ id: 'a1', overset: 0, breaks: [], tracked: [{ line: 12, spacing: -0.02 }] }] },
      'seeds/a.txt',
    );
    expect(found.map((d) => [d.ruleId, d.severity, d.line])).toEqual([['copyfit', 'info', 12]]);
    expect(found[0]!.message).toContain('-0.02 em');
    expect(diagnosticMessage(found[0]!, 'zh-CN')).toBe('第3版：「标题」一段字距调整 -0.02 em（紧排），使各栏齐平');
  });

  it('says nothing about a clean page', () => {
    expect(
      makeupDiagnostics(
        view,
        {
          number: 3,
          fill: 1,
          oversetChars: 0,
          widows: 0,
          orphans: 0,
          singleCharLines: 0,
          unbalancedModules: 0,
          modules: [{ id: 'a1', overset: 0, breaks: [] }],
        },
        'seeds/a.txt',
      ),
    ).toEqual([]);
  });
});
