/**
 * How a flow opens, as the rethreading passes read it: whether it clearly opens a paragraph, and
 * whether its only prose is one line in the form of a head (which goes on no column far away).
 */
import type { Flow } from './flows.js';

/** Does the flow clearly open a new paragraph or section (an indented first line, or a head)? */
export function opensParagraph(f: Flow): boolean {
  const first = f.items.find((c) => c.kind.kind !== 'furniture');
  return !f.openStart && (first?.kind.kind !== 'prose' || f.indentedStart);
}

/** A flow whose only prose is one line that may be a head with punctuation. */
export function headCandidateOnly(f: Flow): boolean {
  const prose = f.items.filter((c) => c.kind.kind === 'prose');
  return prose.length === 1 && prose[0]!.kind.kind === 'prose' && prose[0]!.kind.head !== undefined;
}
