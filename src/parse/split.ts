/**
 * The block splits the page assembly runs before classifying: pdftotext runs display lines (heads,
 * bylines, headline stacks) into the prose around them with no blank line between, and each split
 * parts them by form into blocks of their own. Re-exported here so callers import them from one place.
 */
export { splitLeadingBylines, splitTrailingBylines } from './split-bylines.js';
export { splitHeadsUnderLabels } from './split-heads-under-labels.js';
export { splitBeforeNumberedHeads } from './split-numbered-heads.js';
export { splitRunInHeads } from './split-run-in-heads.js';
export { splitStackLines } from './split-stack-lines.js';
