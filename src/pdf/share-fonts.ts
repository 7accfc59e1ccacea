/**
 * One embedded font per typeface in a PDF joined from separately printed parts. Chromium embeds a subset
 * of each font in every PDF it prints, so an edition printed in batches would carry the same typeface once
 * per batch. Chromium's subsets keep the original glyph ids (CIDToGIDMap /Identity: a glyph id is the same
 * glyph in every subset of one font), so the subsets of one font are joined glyph by glyph into one
 * TrueType font with the union of their glyphs, widths and ToUnicode entries. Two subsets join only when
 * no glyph id or character code disagrees between them (subsets of different fonts that share a name keep
 * apart), so every page shows exactly the glyphs it showed before.
 */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFContext,
  type PDFDocument,
} from 'pdf-lib';

/** One embedded TrueType CID font of the file. */
interface EmbeddedFont {
  type0Ref: PDFRef;
  type0: PDFDict;
  cidRef: PDFRef;
  cid: PDFDict;
  descriptorRef: PDFRef;
  descriptor: PDFDict;
  fileRef: PDFRef;
  family: string;
  tables: Map<string, Uint8Array>;
  glyphs: Map<number, Uint8Array>;
  metrics: Map<number, [number, number]>;
  numGlyphs: number;
  widths: Map<number, number>;
  unicodes: Map<number, string>;
  dw: number;
}

/** A set of subsets joined into one font. */
interface Group {
  members: EmbeddedFont[];
  used: Set<number>;
  glyphs: Map<number, Uint8Array>;
  metrics: Map<number, [number, number]>;
  widths: Map<number, number>;
  unicodes: Map<number, string>;
}

const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number) => ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;

function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const tables = new Map<string, Uint8Array>();
  const count = u16(font, 4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(at, at + 4));
    tables.set(tag, font.subarray(u32(font, at + 8), u32(font, at + 8) + u32(font, at + 12)));
  }
  return tables;
}

function readGlyphs(
  tables: Map<string, Uint8Array>,
): { glyphs: Map<number, Uint8Array>; metrics: Map<number, [number, number]>; numGlyphs: number } | null {
  const [head, loca, glyf, maxp, hhea, hmtx] = ['head', 'loca', 'glyf', 'maxp', 'hhea', 'hmtx'].map((t) =>
    tables.get(t),
  );
  if (!head || !loca || !glyf || !maxp || !hhea || !hmtx) return null;
  const numGlyphs = u16(maxp, 4);
  const long = u16(head, 50) === 1;
  const offset = (g: number) => (long ? u32(loca, 4 * g) : 2 * u16(loca, 2 * g));
  const glyphs = new Map<number, Uint8Array>();
  const metrics = new Map<number, [number, number]>();
  const longMetrics = u16(hhea, 34);
  for (let g = 0; g < numGlyphs; g++) {
    const [a, b] = [offset(g), offset(g + 1)];
    if (b > a) glyphs.set(g, glyf.subarray(a, b));
    const m = Math.min(g, longMetrics - 1);
    const advance = u16(hmtx, 4 * m);
    const lsb = g < longMetrics ? u16(hmtx, 4 * g + 2) : u16(hmtx, 4 * longMetrics + 2 * (g - longMetrics));
    metrics.set(g, [advance, lsb]);
  }
  return { glyphs, metrics, numGlyphs };
}

/** /W [c [w1 w2 …] c1 c2 w …] → code → width. */
function readWidths(context: PDFContext, cid: PDFDict): Map<number, number> {
  const widths = new Map<number, number>();
  const w = cid.lookupMaybe(PDFName.of('W'), PDFArray);
  if (!w) return widths;
  const items = w.asArray().map((x) => context.lookup(x));
  for (let i = 0; i < items.length; ) {
    const first = (items[i] as PDFNumber).asNumber();
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      for (const [k, x] of next.asArray().entries()) widths.set(first + k, (context.lookup(x) as PDFNumber).asNumber());
      i += 2;
    } else {
      const last = (next as PDFNumber).asNumber();
      const width = (items[i + 2] as PDFNumber).asNumber();
      for (let c = first; c <= last; c++) widths.set(c, width);
      i += 3;
    }
  }
  return widths;
}

const hexText = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** The bfchar and bfrange entries of a ToUnicode CMap: code → text. */
function readToUnicode(stream: PDFRawStream | undefined): Map<number, string> {
  const map = new Map<number, string>();
  if (!stream) return map;
  const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, value] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(code!, 16), hexText(value!));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, value] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(value!, 16);
      for (let c = parseInt(lo!, 16); c <= parseInt(hi!, 16); c++)
        map.set(c, String.fromCharCode(base + c - parseInt(lo!, 16)));
    }
  return map;
}

function embeddedFonts(doc: PDFDocument): EmbeddedFont[] {
  const { context } = doc;
  const fonts: EmbeddedFont[] = [];
  for (const [type0Ref, type0] of context.enumerateIndirectObjects()) {
    if (!(type0 instanceof PDFDict) || type0.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const cidRef = type0.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.get(0);
    const cid = cidRef instanceof PDFRef ? context.lookupMaybe(cidRef, PDFDict) : undefined;
    if (
      !cid ||
      !(cidRef instanceof PDFRef) ||
      cid.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2') ||
      cid.get(PDFName.of('CIDToGIDMap')) !== PDFName.of('Identity')
    )
      continue;
    const descriptorRef = cid.get(PDFName.of('FontDescriptor'));
    const descriptor = descriptorRef instanceof PDFRef ? context.lookupMaybe(descriptorRef, PDFDict) : undefined;
    const fileRef = descriptor?.get(PDFName.of('FontFile2'));
    const file = fileRef instanceof PDFRef ? context.lookup(fileRef) : undefined;
    if (
      !descriptor ||
      !(descriptorRef instanceof PDFRef) ||
      !(fileRef instanceof PDFRef) ||
      !(file instanceof PDFRawStream)
    )
      continue;
    const tables = readTables(decodePDFRawStream(file).decode());
    const read = readGlyphs(tables);
    if (!read) continue;
    const toUnicodeObject = context.lookup(type0.get(PDFName.of('ToUnicode')));
    const toUnicode = toUnicodeObject instanceof PDFRawStream ? toUnicodeObject : undefined;
    fonts.push({
      type0Ref,
      type0,
      cidRef,
      cid,
      descriptorRef,
      descriptor,
      fileRef,
      family: String(type0.get(PDFName.of('BaseFont'))).replace(/^\/[A-Z]{6}\+/, ''),
      tables,
      ...read,
      widths: readWidths(context, cid),
      unicodes: readToUnicode(toUnicode),
      dw: cid.lookupMaybe(PDFName.of('DW'), PDFNumber)?.asNumber() ?? 1000,
    });
  }
  return fonts;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Codes a subset uses: with an outline, a width or a character (a space has no outline). */
function usedCodes(font: EmbeddedFont): Set<number> {
  return new Set([...font.glyphs.keys(), ...font.widths.keys(), ...font.unicodes.keys()]);
}

/**
 * True when `font` agrees with the group on every code both use: the same outline (or none in both), the
 * same advance (the default width where /W gives none) and the same character.
 */
function fits(group: Group, font: EmbeddedFont): boolean {
  const first = group.members[0]!;
  if (first.family !== font.family || first.dw !== font.dw) return false;
  for (const c of usedCodes(font)) {
    if (!group.used.has(c)) continue;
    const [mine, theirs] = [font.glyphs.get(c), group.glyphs.get(c)];
    if (!mine !== !theirs || (mine && theirs && !sameBytes(mine, theirs))) return false;
    if ((font.widths.get(c) ?? font.dw) !== (group.widths.get(c) ?? first.dw)) return false;
    const [u, v] = [font.unicodes.get(c), group.unicodes.get(c)];
    if (u !== undefined && v !== undefined && u !== v) return false;
  }
  return true;
}

function join(group: Group, font: EmbeddedFont): void {
  group.members.push(font);
  for (const c of usedCodes(font)) {
    group.used.add(c);
    const glyph = font.glyphs.get(c);
    if (glyph) group.glyphs.set(c, glyph);
    if (font.metrics.has(c)) group.metrics.set(c, font.metrics.get(c)!);
    group.widths.set(c, font.widths.get(c) ?? font.dw);
    if (font.unicodes.has(c)) group.unicodes.set(c, font.unicodes.get(c)!);
  }
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4)
    sum =
      (sum +
        (((data[i] ?? 0) << 24) >>> 0) +
        ((data[i + 1] ?? 0) << 16) +
        ((data[i + 2] ?? 0) << 8) +
        (data[i + 3] ?? 0)) >>>
      0;
  return sum;
}

/** The TrueType font of a group: the first member's tables with the joined glyphs and metrics. */
function buildFont(group: Group): Uint8Array {
  const base = group.members[0]!.tables;
  const numGlyphs = Math.max(...group.members.map((m) => m.numGlyphs));
  const parts: Uint8Array[] = [];
  const loca = new DataView(new ArrayBuffer(4 * (numGlyphs + 1)));
  let at = 0;
  for (let g = 0; g < numGlyphs; g++) {
    loca.setUint32(4 * g, at);
    const bytes = group.glyphs.get(g);
    if (bytes) {
      const padded = new Uint8Array((bytes.length + 3) & ~3);
      padded.set(bytes);
      parts.push(padded);
      at += padded.length;
    }
  }
  loca.setUint32(4 * numGlyphs, at);
  const glyf = new Uint8Array(at);
  let o = 0;
  for (const p of parts) {
    glyf.set(p, o);
    o += p.length;
  }
  const hmtx = new DataView(new ArrayBuffer(4 * numGlyphs));
  for (let g = 0; g < numGlyphs; g++) {
    const [advance, lsb] = group.metrics.get(g) ?? [0, 0];
    hmtx.setUint16(4 * g, advance);
    hmtx.setUint16(4 * g + 2, lsb);
  }
  const copy = (tag: string) => new Uint8Array(base.get(tag)!);
  const head = copy('head');
  new DataView(head.buffer).setUint32(8, 0); // checkSumAdjustment, set below
  new DataView(head.buffer).setInt16(50, 1); // long loca offsets
  const maxp = copy('maxp');
  new DataView(maxp.buffer).setUint16(4, numGlyphs);
  const hhea = copy('hhea');
  new DataView(hhea.buffer).setUint16(34, numGlyphs);
  // post format 3 (no glyph names); vertical metrics, layout and variation tables are not used in a PDF.
  const post = copy('post').slice(0, 32);
  new DataView(post.buffer).setUint32(0, 0x00030000);
  const tables = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['loca', new Uint8Array(loca.buffer)],
    ['hmtx', new Uint8Array(hmtx.buffer)],
    ['head', head],
    ['maxp', maxp],
    ['hhea', hhea],
    ['post', post],
  ]);
  for (const tag of ['OS/2', 'cmap', 'cvt ', 'fpgm', 'prep', 'name', 'gasp'])
    if (base.has(tag)) tables.set(tag, base.get(tag)!);
  return writeSfnt(tables);
}

function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerSize = 12 + 16 * tags.length;
  const size = tags.reduce((n, t) => n + ((tables.get(t)!.length + 3) & ~3), headerSize);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const search = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, search * 16);
  view.setUint16(8, Math.log2(search));
  view.setUint16(10, tags.length * 16 - search * 16);
  let at = headerSize;
  let headAt = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    for (let k = 0; k < 4; k++) out[12 + 16 * i + k] = tag.charCodeAt(k);
    view.setUint32(12 + 16 * i + 4, checksum(data));
    view.setUint32(12 + 16 * i + 8, at);
    view.setUint32(12 + 16 * i + 12, data.length);
    out.set(data, at);
    if (tag === 'head') headAt = at;
    at += (data.length + 3) & ~3;
  });
  view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function widthArray(context: PDFContext, widths: Map<number, number>): PDFArray {
  const out = context.obj([]);
  const codes = [...widths.keys()].sort((a, b) => a - b);
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++;
    out.push(context.obj(codes[i]!));
    out.push(context.obj(codes.slice(i, j + 1).map((c) => widths.get(c)!)));
    i = j + 1;
  }
  return out;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const BFCHAR_BLOCK = 100;

function toUnicodeCMap(unicodes: Map<number, string>): string {
  const entries = [...unicodes].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += BFCHAR_BLOCK) {
    const block = entries.slice(i, i + BFCHAR_BLOCK);
    blocks.push(
      `${block.length} beginbfchar\n${block.map(([c, u]) => `<${hex4(c)}> <${[...u].map((ch) => hex4(ch.charCodeAt(0))).join('')}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo',
    '<<  /Registry (Adobe)',
    '/Ordering (UCS)',
    '/Supplement 0',
    '>> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Join the subsets of each embedded font into one; returns how many font programs were removed. */
export function shareFontSubsets(doc: PDFDocument): number {
  const { context } = doc;
  const groups: Group[] = [];
  for (const font of embeddedFonts(doc)) {
    const group = groups.find((g) => fits(g, font));
    if (group) join(group, font);
    else {
      const fresh: Group = {
        members: [],
        used: new Set(),
        glyphs: new Map(),
        metrics: new Map(font.metrics),
        widths: new Map(),
        unicodes: new Map(),
      };
      join(fresh, font);
      groups.push(fresh);
    }
  }
  let removed = 0;
  for (const group of groups.filter((g) => g.members.length > 1)) {
    const [first, ...rest] = group.members as [EmbeddedFont, ...EmbeddedFont[]];
    const program = buildFont(group);
    context.assign(first.fileRef, context.flateStream(program, { Length1: program.length }));
    if (group.widths.size) first.cid.set(PDFName.of('W'), widthArray(context, group.widths));
    const toUnicode = first.type0.get(PDFName.of('ToUnicode'));
    if (toUnicode instanceof PDFRef) context.assign(toUnicode, context.flateStream(toUnicodeCMap(group.unicodes)));
    const boxes = group.members.map(
      (m) =>
        m.descriptor
          .lookupMaybe(PDFName.of('FontBBox'), PDFArray)
          ?.asArray()
          .map((x) => (x as PDFNumber).asNumber()) ?? [0, 0, 0, 0],
    );
    first.descriptor.set(
      PDFName.of('FontBBox'),
      context.obj([
        Math.min(...boxes.map((b) => b[0]!)),
        Math.min(...boxes.map((b) => b[1]!)),
        Math.max(...boxes.map((b) => b[2]!)),
        Math.max(...boxes.map((b) => b[3]!)),
      ]),
    );
    for (const member of rest) {
      // The member's font object now says what the first one says; its own parts are dropped.
      context.assign(member.type0Ref, first.type0);
      const memberToUnicode = member.type0.get(PDFName.of('ToUnicode'));
      for (const ref of [member.cidRef, member.descriptorRef, member.fileRef, memberToUnicode])
        if (ref instanceof PDFRef) context.delete(ref);
      removed++;
    }
  }
  return removed;
}
