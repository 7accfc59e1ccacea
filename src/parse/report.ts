/**
 * Diagnostics: every finding is a vfile message (so vfile-reporter prints it with file:line) and
 * is mirrored into `tree.diagnostics`. Nothing is dropped silently.
 */
import type { VFile } from 'vfile';
import type { Diagnostic, Severity } from '../ast/types.js';
import type { Reporter } from './lines.js';

/** A reporter that writes vfile messages; `mirror` copies them into the tree afterwards. */
export function vfileReporter(file: VFile): Reporter {
  return (ruleId, reason, line, column, severity = 'warning') => {
    const m = file.message(reason, {
      place: { line: Math.max(1, line), column: Math.max(1, column) },
      ruleId,
      source: 'zhuanban',
    });
    m.fatal = severity === 'info' ? undefined : false;
  };
}

/** vfile's fatal flag → the tree's severity word. */
export function severityOf(fatal: boolean | null | undefined): Severity {
  return fatal === true ? 'error' : fatal === false ? 'warning' : 'info';
}

/** The JSON face of the file's messages, in source order. */
export function mirrorMessages(file: VFile): Diagnostic[] {
  return file.messages
    .map((m) => ({
      ruleId: m.ruleId ?? 'unknown',
      severity: severityOf(m.fatal),
      message: m.reason,
      line: m.line ?? 1,
      column: m.column ?? 1,
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
