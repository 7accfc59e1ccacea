/**
 * The make-up's findings as diagnostics with file:line: overset copy at its article, and each
 * widow, orphan or one-character last line at the paragraph where it falls, so the build log and
 * the preview panel can point at the spot; and, for the editor's information, each paragraph the
 * make-up re-tracked to end its module's columns level.
 */
import type { Diagnostic } from '../ast/types.js';
import type { InspectedPage, LineBreakFault } from './measure.js';
import type { PageView } from '../render/view.js';

const FAULT_TEXT: Record<LineBreakFault['kind'], string> = {
  widow: 'widow: the last line of a paragraph stands alone at the top of a column',
  orphan: 'orphan: the first line of a paragraph stands alone at the foot of a column',
  'single-char-line': 'a paragraph ends with a line of one character',
};

/** Diagnostics for one inspected page; `file` maps the page's source to its project path. */
export function makeupDiagnostics(view: PageView, inspected: InspectedPage | undefined, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of inspected?.modules ?? []) {
    const article = view.articles.find((a) => a.id === m.id || a.domId === m.id);
    const headline = article?.headline ?? m.id;
    if (m.overset > 0)
      out.push({
        ruleId: 'overset',
        severity: 'warning',
        file,
        line: article?.line ?? 1,
        column: 1,
        message: `page ${view.number}: 「${headline}」 ${m.overset} characters overset (do not fit the module)`,
      });
    for (const fault of m.breaks ?? [])
      out.push({
        ruleId: fault.kind,
        severity: 'warning',
        file,
        line: fault.line,
        column: 1,
        message: `page ${view.number}: 「${headline}」 ${FAULT_TEXT[fault.kind]}`,
      });
    for (const t of m.tracked ?? [])
      out.push({
        ruleId: 'copyfit',
        severity: 'info',
        file,
        line: t.line,
        column: 1,
        message: `page ${view.number}: 「${headline}」 a paragraph set at ${t.spacing > 0 ? '+' : ''}${t.spacing} em letter-spacing so the columns end level`,
      });
  }
  return out;
}
