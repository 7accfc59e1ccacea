/**
 * Helpers over pdf-lib's object model for reading arbitrary PDFs: resolve references, decode streams
 * with the filters pdf-lib supports (Flate, LZW, ASCIIHex, ASCII85, RunLength), read names and numbers
 * defensively, because a preflight must not crash on somebody else's odd file.
 */
import { inflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFFlateStream,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

/** Follow a reference (or return the object itself). */
export function resolve(context: PDFContext, object: PDFObject | undefined): PDFObject | undefined {
  return object instanceof PDFRef ? context.lookup(object) : object;
}

/** A dictionary entry, resolved. */
export function entry(context: PDFContext, dict: PDFDict | undefined, key: string): PDFObject | undefined {
  return dict ? resolve(context, dict.get(PDFName.of(key))) : undefined;
}

/** A dictionary entry as a dict (streams give their dict). */
export function dictEntry(context: PDFContext, dict: PDFDict | undefined, key: string): PDFDict | undefined {
  const value = entry(context, dict, key);
  if (value instanceof PDFDict) return value;
  if (value instanceof PDFStream) return value.dict;
  return undefined;
}

/** A name entry without the slash, e.g. "Type0". */
export function nameEntry(context: PDFContext, dict: PDFDict | undefined, key: string): string | undefined {
  const value = entry(context, dict, key);
  return value instanceof PDFName ? value.decodeText() : undefined;
}

/** A numeric entry. */
export function numberEntry(context: PDFContext, dict: PDFDict | undefined, key: string): number | undefined {
  const value = entry(context, dict, key);
  return value instanceof PDFNumber ? value.asNumber() : undefined;
}

/** A numeric array such as a box or a matrix; undefined if any item is not a number. */
export function numberArray(context: PDFContext, value: PDFObject | undefined): number[] | undefined {
  const array = resolve(context, value);
  if (!(array instanceof PDFArray)) return undefined;
  const numbers = array.asArray().map((item) => resolve(context, item));
  return numbers.every((n) => n instanceof PDFNumber) ? numbers.map((n) => (n as PDFNumber).asNumber()) : undefined;
}

/**
 * A stream compressed with FlateDecode alone and no predictor (every content stream Chromium writes) is
 * inflated by Node's zlib, several times faster than pdf-lib's JavaScript inflater; null for any other
 * stream, or one zlib refuses (a truncated one, which pdf-lib's lenient decoder then reads as far as it can).
 */
function inflatePlain(stream: PDFRawStream): Uint8Array | null {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  if (!(only instanceof PDFName) || only !== PDFName.of('FlateDecode') || stream.dict.has(PDFName.of('DecodeParms')))
    return null;
  try {
    return inflateSync(stream.contents);
  } catch {
    return null;
  }
}

/**
 * Decoded bytes of a stream, or undefined when a filter is unsupported (e.g. an image codec). A stream
 * pdf-lib made in memory (drawn marks, not yet written) gives the content it will compress.
 */
export function decodeStream(stream: PDFObject | undefined): Uint8Array | undefined {
  if (stream instanceof PDFFlateStream) return stream.getUnencodedContents();
  if (!(stream instanceof PDFRawStream)) return undefined;
  try {
    return inflatePlain(stream) ?? decodePDFRawStream(stream).decode();
  } catch {
    return undefined;
  }
}

/** A page's or form's content: one stream or an array of streams joined by a newline (PDF 32000-1 §7.8.2). */
export function contentBytes(context: PDFContext, contents: PDFObject | undefined): Uint8Array {
  const resolved = resolve(context, contents);
  const parts = resolved instanceof PDFArray ? resolved.asArray().map((item) => resolve(context, item)) : [resolved];
  const decoded = parts.map(decodeStream).filter((p): p is Uint8Array => !!p);
  const total = decoded.reduce((sum, p) => sum + p.length + 1, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of decoded) {
    out.set(part, offset);
    out[offset + part.length] = 10;
    offset += part.length + 1;
  }
  return out;
}

/** Parent links followed at most when looking up an inherited page attribute (a guard against loops). */
const MAX_INHERITANCE_DEPTH = 32;

/** A rectangle as [x0, y0, x1, y1]. */
export type Rect = [number, number, number, number];

/** A page box as [x0 y0 x1 y1] normalised; MediaBox/CropBox are inheritable (PDF 32000-1 §7.7.3.4). */
export function pageBox(context: PDFContext, page: PDFDict, key: string, inheritable: boolean): Rect | undefined {
  for (let node: PDFDict | undefined = page, depth = 0; node && depth < MAX_INHERITANCE_DEPTH; depth++) {
    const values = numberArray(context, node.get(PDFName.of(key)));
    if (values?.length === 4) {
      const [a, b, c, d] = values as Rect;
      return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
    }
    if (!inheritable) return undefined;
    node = dictEntry(context, node, 'Parent');
  }
  return undefined;
}
