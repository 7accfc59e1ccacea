/**
 * Before Ghostscript converts to CMYK, rewrite neutral RGB colours (r = g = b, e.g. Chromium's black text
 * "0 0 0 rg") as DeviceGray ("0 g"). Ghostscript maps DeviceGray to the K plate only (DeviceGrayToK,
 * Ghostscript docs "Color management"), whereas RGB black goes through the ICC profile into a four-colour
 * rich black: on newsprint that smears small type on every plate (misregistration) in press-ready output.
 */
import { type PDFDict, PDFName, PDFRawStream, type PDFRef, type PDFContext, type PDFDocument } from 'pdf-lib';
import { contentBytes } from '../pdf-read/objects.js';

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** Rewrite `v v v rg|RG` to `v g|G` outside strings, comments and inline image data; returns null if unchanged. */
export function rewriteNeutralRgb(data: Uint8Array): Uint8Array | null {
  const text = Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1');
  const out: string[] = [];
  let copied = 0;
  let numbers: { start: number; value: string }[] = [];
  let pos = 0;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (WHITE.has(c)) { pos++; continue; }
    if (c === 0x25) { while (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r') pos++; numbers = []; continue; }
    if (c === 0x28) { // literal string with nesting and escapes
      for (let depth = 0; pos < text.length; pos++) {
        if (text[pos] === '\\') pos++;
        else if (text[pos] === '(') depth++;
        else if (text[pos] === ')' && --depth === 0) { pos++; break; }
      }
      numbers = [];
      continue;
    }
    if (c === 0x3c && text[pos + 1] !== '<') { pos = text.indexOf('>', pos) + 1 || text.length; numbers = []; continue; }
    if (c === 0x2f) { // a name such as /F1 or even /0: never an operand of rg
      pos++;
      while (pos < text.length && !WHITE.has(text.charCodeAt(pos)) && !DELIM.has(text.charCodeAt(pos))) pos++;
      numbers = [];
      continue;
    }
    if (DELIM.has(c)) { pos++; numbers = []; continue; }
    const start = pos;
    while (pos < text.length && !WHITE.has(text.charCodeAt(pos)) && !DELIM.has(text.charCodeAt(pos))) pos++;
    const word = text.slice(start, pos);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) { numbers.push({ start, value: word }); continue; }
    if ((word === 'rg' || word === 'RG') && numbers.length >= 3) {
      const [r, g, b] = numbers.slice(-3);
      if (Number(r!.value) === Number(g!.value) && Number(g!.value) === Number(b!.value)) {
        out.push(text.slice(copied, r!.start), `${r!.value} ${word === 'rg' ? 'g' : 'G'}`);
        copied = pos;
      }
    } else if (word === 'ID') { // inline image data runs to the next white-space-delimited EI
      const end = text.slice(pos + 1).search(/[\s]EI(?=[\s]|$)/);
      pos = end < 0 ? text.length : pos + 1 + end + 3;
    }
    numbers = [];
  }
  if (copied === 0) return null;
  out.push(text.slice(copied));
  return new Uint8Array(Buffer.from(out.join(''), 'latin1'));
}

function rewriteStream(context: PDFContext, ref: PDFRef | undefined, owner: PDFDict, key: 'Contents' | null): void {
  const bytes = contentBytes(context, key ? owner.get(PDFName.of(key)) : ref);
  const rewritten = rewriteNeutralRgb(bytes);
  if (!rewritten) return;
  const stream = context.flateStream(rewritten, key ? {} : Object.fromEntries([...owner.entries()].filter(([k]) => !['Length', 'Filter', 'DecodeParms'].includes(k.decodeText())).map(([k, v]) => [k.decodeText(), v])));
  if (key) owner.set(PDFName.of(key), context.register(stream));
  else if (ref) context.assign(ref, stream);
}

/** Apply the rewrite to every page and every form XObject in the document (in place). */
export function neutralRgbToGrey(doc: PDFDocument): void {
  const { context } = doc;
  for (const page of doc.getPages()) rewriteStream(context, undefined, page.node, 'Contents');
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) rewriteStream(context, ref, object.dict, null);
  }
}
