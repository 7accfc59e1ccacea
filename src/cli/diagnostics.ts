/**
 * Prints diagnostics with vfile-reporter, which aligns CJK text and shows file:line:column, so
 * no message is ever dropped silently.
 */
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { Diagnostic } from '../ast/types.js';

/** Group diagnostics by file and print them to stderr. */
export function printDiagnostics(diagnostics: Diagnostic[], cwd: string, stream: NodeJS.WritableStream = process.stderr): void {
  if (!diagnostics.length) return;
  const files = new Map<string, VFile>();
  for (const d of diagnostics) {
    const path = d.file ?? '(edition)';
    let file = files.get(path);
    if (!file) files.set(path, (file = new VFile({ path, cwd })));
    const message = file.message(d.message, { place: { line: Math.max(1, d.line), column: Math.max(1, d.column) }, ruleId: d.ruleId, source: 'zhuanban' });
    message.fatal = d.severity === 'error' ? true : d.severity === 'info' ? undefined : false;
  }
  stream.write(`${reporter([...files.values()], { quiet: false })}\n`);
}
