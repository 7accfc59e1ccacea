/**
 * Importer entry: bytes of one source → typed document tree + vfile messages.
 * `.md` sources are the clean Markdown format (src/markdown/); anything else is raw text
 * extracted from a printed page. The build calls exactly `parseSource`.
 */
import { VFile } from 'vfile';
import type { ZbDocument } from '../ast/types.js';
import { parseMarkdownSource } from '../markdown/parse.js';
import { decodeBytes } from './decode.js';
import { parseRawText } from './raw.js';
import { mirrorMessages, vfileReporter } from './report.js';

export { BinaryInputError } from './decode.js';

/** Result of importing one source: the tree and the vfile carrying its messages. */
export interface ParseResult {
  tree: ZbDocument;
  file: VFile;
}

/**
 * Parse one source file's bytes into the document tree. Never throws on content (an internal
 * failure becomes an `internal-error` message); refuses binary input with a BinaryInputError.
 */
export function parseSource(bytes: Uint8Array, path: string): ParseResult {
  const decoded = decodeBytes(bytes, path);
  const file = new VFile({ path, value: decoded.text });
  const report = vfileReporter(file);
  const source = path.split(/[\\/]/).pop() ?? path;
  if (decoded.encoding !== 'utf-8') {
    report(
      'encoding',
      `Decoded as ${decoded.encoding.toUpperCase()}${decoded.bom ? ' (byte-order mark)' : ' (detected: not valid UTF-8)'}`,
      1,
      1,
      'info',
    );
  }
  let tree: ZbDocument;
  try {
    tree = /\.(md|markdown)$/i.test(path)
      ? parseMarkdownSource(decoded.text, source, report)
      : parseRawText(decoded.text, source, report);
  } catch (error) {
    report('internal-error', `The importer failed on this file: ${(error as Error).message}`, 1, 1, 'warning');
    tree = { type: 'document', source, folio: null, banner: null, articles: [], diagnostics: [], children: [] };
  }
  tree.diagnostics = mirrorMessages(file);
  return { tree, file };
}
