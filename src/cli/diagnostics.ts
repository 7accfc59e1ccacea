/**
 * Prints diagnostics with vfile-reporter, which aligns CJK text and shows file:line:column, so
 * no message is ever dropped silently.
 */
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { Diagnostic } from '../ast/types.js';
import { diagnosticMessage, summaryLine } from '../i18n/diagnostics.js';
import type { Lang } from '../i18n/index.js';

/** Group diagnostics by file and print them to stderr, in `lang`. */
export function printDiagnostics(
  diagnostics: Diagnostic[],
  cwd: string,
  lang: Lang = 'en',
  stream: NodeJS.WritableStream = process.stderr,
): void {
  if (!diagnostics.length) return;
  const files = new Map<string, VFile>();
  for (const d of diagnostics) {
    const path = d.file ?? '(edition)';
    let file = files.get(path);
    if (!file) files.set(path, (file = new VFile({ path, cwd })));
    const message = file.message(diagnosticMessage(d, lang), {
      place: { line: Math.max(1, d.line), column: Math.max(1, d.column) },
      ruleId: d.ruleId,
      source: 'zhuanban',
    });
    message.fatal = d.severity === 'error' ? true : d.severity === 'info' ? undefined : false;
  }
  const lines = reporter([...files.values()], { quiet: false }).split('\n');
  lines[lines.length - 1] = summaryLine(lines[lines.length - 1] ?? '', lang);
  stream.write(`${lines.join('\n')}\n`);
}
