/**
 * Before Ghostscript converts to CMYK, rewrite neutral RGB colours (r = g = b, e.g. Chromium's black text
 * "0 0 0 rg") as DeviceGray ("0 g"). Ghostscript maps DeviceGray to the K plate only (DeviceGrayToK,
 * Ghostscript docs "Color management"), whereas RGB black goes through the ICC profile into a four-colour
 * rich black: on newsprint that smears small type on every plate (misregistration) in press-ready output.
 */
import { type PDFDict, PDFName, PDFRawStream, type PDFRef, type PDFContext, type PDFDocument } from 'pdf-lib';
import { contentTokens } from '../pdf-read/content-lexer.js';
import { contentBytes } from '../pdf-read/objects.js';

/** Rewrite `v v v rg|RG` to `v g|G` outside strings, comments and inline image data; returns null if unchanged. */
export function rewriteNeutralRgb(data: Uint8Array): Uint8Array | null {
  const text = Buffer.from(data.buffer, data.byteOffset, data.length).toString('latin1');
  const out: string[] = [];
  let copied = 0;
  let numbers: { start: number; value: string }[] = [];
  for (const token of contentTokens(data)) {
    if (token.kind === 'number') {
      numbers.push({ start: token.start, value: text.slice(token.start, token.end) });
      continue;
    }
    if (token.kind === 'keyword' && (token.value === 'rg' || token.value === 'RG') && numbers.length >= 3) {
      const [r, g, b] = numbers.slice(-3);
      if (Number(r!.value) === Number(g!.value) && Number(g!.value) === Number(b!.value)) {
        out.push(text.slice(copied, r!.start), `${r!.value} ${token.value === 'rg' ? 'g' : 'G'}`);
        copied = token.end;
      }
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
  const stream = context.flateStream(
    rewritten,
    key
      ? {}
      : Object.fromEntries(
          [...owner.entries()]
            .filter(([k]) => !['Length', 'Filter', 'DecodeParms'].includes(k.decodeText()))
            .map(([k, v]) => [k.decodeText(), v]),
        ),
  );
  if (key) owner.set(PDFName.of(key), context.register(stream));
  else if (ref) context.assign(ref, stream);
}

/** Apply the rewrite to every page and every form XObject in the document (in place). */
export function neutralRgbToGrey(doc: PDFDocument): void {
  const { context } = doc;
  for (const page of doc.getPages()) rewriteStream(context, undefined, page.node, 'Contents');
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form'))
      rewriteStream(context, ref, object.dict, null);
  }
}
