/**
 * Diagnostics: every finding is a vfile message (so vfile-reporter prints it with file:line) and
 * is mirrored into `tree.diagnostics`. Nothing is dropped silently.
 */
import type { VFile } from 'vfile';
import type { Diagnostic, Reporter, Severity } from '../ast/types.js';

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

/**
 * Write a `needs-review` note at a source line or a node's start (line 1 when it has none): the one
 * call shape for every reading the importer took on a guess, the message saying what it decided and
 * what else the line could be.
 */
export function reviewNote(report: Reporter, at: { line: number; column: number } | undefined, message: string): void {
  report('needs-review', message, at?.line ?? 1, at?.column ?? 1, 'info');
}

/** A diagnostic held until the page is read. */
interface HeldNote {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  severity?: 'warning' | 'info';
}

/**
 * Holds the importer's diagnostics until the page is read, so that a later pass that revises a
 * reading (a subhead turned back into a paragraph) takes back the note the page walk wrote at that
 * line and writes one saying what it replaces, instead of leaving two notes that contradict each other.
 * Every held note reaches the sink on `flush`, except those taken back, whose text the replacing
 * note quotes: nothing is dropped silently.
 */
export class NoteBuffer {
  private held: HeldNote[] = [];

  constructor(private readonly sink: Reporter) {}

  /** The reporter the passes write to. */
  readonly report: Reporter = (ruleId, message, line, column, severity) => {
    this.held.push({ ruleId, message, line, column, severity });
  };

  /** Take back the held notes of `ruleId` at `line`; returns their messages for the note that replaces them. */
  withdraw(ruleId: string, line: number): string[] {
    const taken = this.held.filter((n) => n.ruleId === ruleId && n.line === line);
    this.held = this.held.filter((n) => !taken.includes(n));
    return taken.map((n) => n.message);
  }

  /** Write every held note to the sink, in the order reported. */
  flush(): void {
    for (const n of this.held) this.sink(n.ruleId, n.message, n.line, n.column, n.severity);
    this.held = [];
  }
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
