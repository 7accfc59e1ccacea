/**
 * Ghostscript 10.00's PDF interpreter (pdfi) garbles the ToUnicode CMap it writes for a CID font wherever
 * the input maps consecutive codes to consecutive characters (Chromium's `<0009> <4E09>` `<000A> <4E0A>`
 * came out as `<0009><0009><004f>` `<000a><000a><0050>`): pdftotext of the seeds' PDF/X file read 三 as "O",
 * 年 as "\x80", “ ” as "< =": 3,453 of 24,718 characters, 14 % (measured; the legacy interpreter,
 * -dNEWPDF=false, does not do it). The glyphs themselves are right, only the text behind them is wrong.
 *
 * So the text is put back from the source: the text-showing operators of each page are read in order in
 * the input and in Ghostscript's output, glyph by glyph (PDF 32000-1 §9.4.3, §9.10.2). When a page has the
 * same number of glyphs in both, glyph i of the output shows the character of glyph i of the input, and
 * each output font gets a ToUnicode CMap built from those pairs. Pages or fonts that do not line up are
 * left as Ghostscript wrote them and reported.
 */
import { PDFDict, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { Name, type Operand, operations } from '../pdf-read/content-operations.js';
import { contentBytes, decodeStream, dictEntry, entry, nameEntry, resolve } from '../pdf-read/objects.js';

/** One glyph drawn on a page: the font dictionary it was shown with, and its character code. */
export interface ShownGlyph {
  font: PDFDict;
  code: number;
}

/** Form XObjects nested deeper than this are not followed (real files nest one or two). */
const MAX_DEPTH = 16;

/** Bytes per character code: 2 for a Type0 font with Identity-H/V, 1 for a simple font, 0 if unknown. */
function codeLength(context: PDFContext, font: PDFDict): number {
  if (nameEntry(context, font, 'Subtype') !== 'Type0') return 1;
  const encoding = nameEntry(context, font, 'Encoding');
  return encoding === 'Identity-H' || encoding === 'Identity-V' ? 2 : 0;
}

/**
 * Every glyph a page shows, in drawing order, through nested form XObjects; undefined when a font's codes
 * cannot be split (a Type0 font with a CMap other than Identity), so the page is not used for matching.
 */
export function shownGlyphs(context: PDFContext, page: PDFDict): ShownGlyph[] | undefined {
  const out: ShownGlyph[] = [];
  let ok = true;
  const walk = (data: Uint8Array, resources: PDFDict | undefined, depth: number, active: Set<PDFObject>) => {
    let font: PDFDict | undefined;
    const show = (bytes: Uint8Array) => {
      if (!font) return void (ok = false);
      const length = codeLength(context, font);
      if (!length) return void (ok = false);
      for (let i = 0; i + length <= bytes.length; i += length)
        out.push({ font, code: length === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]! });
    };
    for (const { op, args } of operations(data)) {
      const name = args.find((a): a is Name => a instanceof Name)?.value;
      if (op === 'Tf') {
        const found = name && resolve(context, dictEntry(context, resources, 'Font')?.get(PDFName.of(name)));
        font = found instanceof PDFDict ? found : undefined;
      } else if (op === 'Tj' || op === "'" || op === '"') {
        const last = args[args.length - 1];
        if (last instanceof Uint8Array) show(last);
      } else if (op === 'TJ') {
        const array = args.findLast((a): a is Operand[] => Array.isArray(a));
        for (const part of array ?? []) if (part instanceof Uint8Array) show(part);
      } else if (op === 'Do' && depth < MAX_DEPTH) {
        const ref = name ? dictEntry(context, resources, 'XObject')?.get(PDFName.of(name)) : undefined;
        const form = resolve(context, ref);
        if (form instanceof PDFStream && nameEntry(context, form.dict, 'Subtype') === 'Form' && !active.has(form)) {
          active.add(form);
          walk(
            decodeStream(form) ?? new Uint8Array(),
            dictEntry(context, form.dict, 'Resources') ?? resources,
            depth + 1,
            active,
          );
          active.delete(form);
        }
      }
    }
  };
  const resources = dictEntry(context, page, 'Resources');
  walk(contentBytes(context, page.get(PDFName.of('Contents'))), resources, 0, new Set());
  return ok ? out : undefined;
}

/** A ToUnicode CMap stream's mappings (bfchar, bfrange with a start value or an array). */
export function readToUnicode(context: PDFContext, font: PDFDict): Map<number, string> {
  const map = new Map<number, string>();
  const bytes = decodeStream(entry(context, font, 'ToUnicode'));
  if (!bytes) return map;
  const text = Buffer.from(bytes).toString('latin1');
  const utf16 = (hex: string) =>
    Buffer.from(hex.length % 4 ? hex.padStart(Math.ceil(hex.length / 4) * 4, '0') : hex, 'hex')
      .swap16()
      .toString('utf16le');
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, value] of block[1]!.matchAll(/<\s*([0-9a-fA-F]+)\s*>\s*<\s*([0-9a-fA-F]*)\s*>/g))
      map.set(parseInt(code!, 16), utf16(value!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, start, list] of block[1]!.matchAll(
      /<\s*([0-9a-fA-F]+)\s*>\s*<\s*([0-9a-fA-F]+)\s*>\s*(?:<\s*([0-9a-fA-F]+)\s*>|\[([^\]]*)\])/g,
    )) {
      const [first, end] = [parseInt(lo!, 16), parseInt(hi!, 16)];
      if (end - first > 0xffff) continue;
      if (list !== undefined) {
        [...list.matchAll(/<\s*([0-9a-fA-F]*)\s*>/g)].forEach(([, hex], i) => {
          if (first + i <= end) map.set(first + i, utf16(hex!));
        });
      } else {
        const base = Buffer.from(
          start!.length % 4 ? start!.padStart(Math.ceil(start!.length / 4) * 4, '0') : start!,
          'hex',
        );
        for (let code = first; code <= end; code++) {
          const value = Buffer.from(base);
          value.writeUInt16BE((value.readUInt16BE(value.length - 2) + code - first) & 0xffff, value.length - 2);
          map.set(code, value.swap16().toString('utf16le'));
        }
      }
    }
  }
  return map;
}

/** Entries per bfchar block: the CMap format allows at most 100. */
const BFCHAR_BLOCK = 100;

/** A ToUnicode CMap (Adobe TN #5411) for 2-byte codes, in bfchar blocks of at most 100 entries. */
export function writeToUnicode(map: Map<number, string>, codeBytes: number): string {
  const hex = (code: number) =>
    code
      .toString(16)
      .toUpperCase()
      .padStart(codeBytes * 2, '0');
  const entries = [...map]
    .sort(([a], [b]) => a - b)
    .map(([code, text]) => `<${hex(code)}> <${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += BFCHAR_BLOCK) {
    const chunk = entries.slice(i, i + BFCHAR_BLOCK);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  const space = codeBytes === 2 ? '<0000> <FFFF>' : '<00> <FF>';
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    `1 begincodespacerange\n${space}\nendcodespacerange`,
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
    '',
  ].join('\n');
}

/** What makePdfX keeps of each input page for the repair: the text of every glyph shown, in order. */
export function glyphTexts(context: PDFContext, page: PDFDict): (string | undefined)[] | undefined {
  const glyphs = shownGlyphs(context, page);
  if (!glyphs) return undefined;
  const maps = new Map<PDFDict, Map<number, string>>();
  return glyphs.map(({ font, code }) => {
    if (!maps.has(font)) maps.set(font, readToUnicode(context, font));
    return maps.get(font)!.get(code);
  });
}

/**
 * Give every Type0 font of Ghostscript's output the ToUnicode its glyphs had in the input (see above).
 * `source[i]` is glyphTexts() of input page i. Returns what could not be repaired, for the build's warnings.
 */
export function repairToUnicode(
  context: PDFContext,
  pages: PDFDict[],
  source: ((string | undefined)[] | undefined)[],
): string[] {
  const problems: string[] = [];
  const pairs = new Map<PDFDict, Map<number, string | null>>(); // null: the code showed two different texts
  pages.forEach((page, index) => {
    const before = source[index];
    const after = shownGlyphs(context, page);
    if (!before || !after) {
      problems.push(`page ${index + 1}: text could not be read to check its ToUnicode`);
      return;
    }
    if (before.length !== after.length) {
      problems.push(
        `page ${index + 1}: Ghostscript wrote ${after.length} glyphs for ${before.length}; its ToUnicode was not checked`,
      );
      return;
    }
    after.forEach(({ font, code }, i) => {
      const text = before[i];
      if (text === undefined || codeLength(context, font) !== 2) return;
      const map = pairs.get(font) ?? new Map<number, string | null>();
      pairs.set(font, map);
      const seen = map.get(code);
      map.set(code, seen === undefined || seen === text ? text : null);
    });
  });
  const uses = new Map<string, number>(); // a ToUnicode stream shared by two fonts is replaced per font, not in place
  for (const font of pairs.keys()) {
    const ref = font.get(PDFName.of('ToUnicode'));
    if (ref instanceof PDFRef) uses.set(ref.toString(), (uses.get(ref.toString()) ?? 0) + 1);
  }
  for (const [font, found] of pairs) {
    if ([...found.values()].includes(null)) {
      problems.push(
        `font ${nameEntry(context, font, 'BaseFont') ?? '?'}: a code shows different characters on different pages; its ToUnicode was left as Ghostscript wrote it`,
      );
      continue;
    }
    const map = readToUnicode(context, font);
    let changed = false;
    for (const [code, text] of found) {
      if (map.get(code) !== text) changed = true;
      map.set(code, text!);
    }
    if (!changed) continue;
    const stream = context.flateStream(writeToUnicode(map, 2));
    const old = font.get(PDFName.of('ToUnicode'));
    if (old instanceof PDFRef && uses.get(old.toString()) === 1) context.assign(old, stream);
    else font.set(PDFName.of('ToUnicode'), context.register(stream));
  }
  return problems;
}
