/**
 * Byte decoding: UTF-8 with/without BOM, UTF-16 with BOM, and
 * GB18030/GBK detected without asking. Binary input is refused, never parsed.
 */

/** Thrown for input that is not text; the CLI turns it into a clear message and a failed exit. */
export class BinaryInputError extends Error {
  constructor(path: string, why: string) {
    super(`${path}: refusing to import a binary file (${why}); export the page as plain text first`);
    this.name = 'BinaryInputError';
  }
}

export interface Decoded {
  text: string;
  /** WHATWG encoding label actually used. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  bom: boolean;
}

/** Share of C0 control bytes (except tab/CR/LF/FF) above which a file counts as binary. */
const CONTROL_SHARE_LIMIT = 0.02;

function controlShare(text: string): number {
  if (!text.length) return 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) n++;
  }
  return n / text.length;
}

/** Decode one source file. Throws BinaryInputError for non-text bytes. */
export function decodeBytes(bytes: Uint8Array, path: string): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  // NUL bytes never occur in text files in UTF-8 or GB18030 (only in UTF-16 without a BOM, which we do not guess).
  if (body.includes(0)) throw new BinaryInputError(path, 'contains NUL bytes');
  let text: string;
  let encoding: Decoded['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Not valid UTF-8: the common Chinese legacy encoding is GBK, of which GB18030 is a superset.
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(body);
      encoding = 'gb18030';
    } catch {
      throw new BinaryInputError(path, 'neither valid UTF-8 nor GB18030');
    }
  }
  if (controlShare(text) > CONTROL_SHARE_LIMIT) throw new BinaryInputError(path, 'too many control characters');
  return { text, encoding, bom };
}
