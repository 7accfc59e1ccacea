/**
 * Follow one page's drawing (PDF 32000-1 §8.4 graphics state, §8.8 XObjects): the CTM through q/Q/cm
 * and nested forms, so every image's placed size (hence its ppi) is known, and every colour operator,
 * colour space, shading, image colour space and graphics state actually used, so "RGB for press", "not
 * PDF/X-1a colour" and "transparency" are reported for what prints rather than for unused resources.
 */
import { PDFDict, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { forEachOperation, MAX_OPERAND_DEPTH, Name, type Operand, type Operation } from './content-operations.js';
import { namedSpaceNonX1a, namedSpaceRgbKind, nonX1aKind, rgbKind } from './colour-spaces.js';
import { extGStateTransparency, imageTransparency, isTransparencyGroup } from './transparency.js';
import { contentBytes, dictEntry, entry, nameEntry, numberArray, numberEntry, resolve } from './objects.js';

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n in PDF's row-vector convention (CTM' = M × CTM). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** An image as placed on the page. */
export interface PlacedImage {
  name: string;
  pixelsWide: number;
  pixelsHigh: number;
  widthPt: number;
  heightPt: number;
  ppi: number;
}

/** What one page uses. */
export interface PageUse {
  rgb: Set<string>;
  /** Colour outside PDF/X-1a's DeviceCMYK/DeviceGray/Separation/DeviceN (RGB, Lab, ICCBased, Cal*). */
  nonX1a: Set<string>;
  /** Transparency actually used (alpha, soft masks, blend modes, transparency groups). */
  transparency: Set<string>;
  images: PlacedImage[];
  /** Font dictionaries in every resources dict the page's drawing reaches, keyed by ref or a synthetic id. */
  fonts: Map<string, PDFDict>;
  /** Damaged or hostile structure met on the way (read past, but the file is not sound). */
  malformed: Set<string>;
}

/** Form XObjects and tiling patterns nested deeper than this are not followed (real files nest one or two). */
const MAX_DEPTH = 16;
const INLINE_SPACES: Record<string, string> = { G: 'DeviceGray', RGB: 'DeviceRGB', CMYK: 'DeviceCMYK', I: 'Indexed' };

/** The operators `scan` acts on; the others (text, paths) are read past without building an operation. */
const SCANNED_OPERATORS = new Set(['q', 'Q', 'cm', 'rg', 'RG', 'cs', 'CS', 'gs', 'scn', 'SCN', 'sh', 'Do']);

/** Scan a page (or any content stream with its resources) and report what it uses. */
export function scanPage(context: PDFContext, page: PDFDict, resources: PDFDict | undefined): PageUse {
  const use: PageUse = {
    rgb: new Set(),
    nonX1a: new Set(),
    transparency: new Set(),
    images: [],
    fonts: new Map(),
    malformed: new Set(),
  };
  const active = new Set<PDFObject>();
  const group = dictEntry(context, page, 'Group');
  const blend = rgbKind(context, entry(context, group, 'CS'));
  if (blend) use.rgb.add(`page transparency group blends in ${blend}`);
  if (isTransparencyGroup(context, page)) use.transparency.add('the page is a transparency group');
  scan(context, contentBytes(context, page.get(PDFName.of('Contents'))), resources, IDENTITY, use, active, 0);
  return use;
}

/** Record a colour space used by `label` (e.g. "image /Im1") for both the RGB and the PDF/X-1a checks. */
function noteSpace(context: PDFContext, use: PageUse, label: string, space: PDFObject | undefined): void {
  const rgb = rgbKind(context, space);
  if (rgb) use.rgb.add(`${label} is ${rgb}`);
  const other = nonX1aKind(context, space);
  if (other) use.nonX1a.add(`${label} is ${other}`);
}

function collectFonts(context: PDFContext, resources: PDFDict | undefined, use: PageUse): void {
  const fonts = dictEntry(context, resources, 'Font');
  for (const [key, value] of fonts?.entries() ?? []) {
    const font = resolve(context, value);
    if (font instanceof PDFDict)
      use.fonts.set(value instanceof PDFRef ? value.toString() : `${key.decodeText()}@${use.fonts.size}`, font);
  }
}

function placeImage(name: string, pixelsWide: number, pixelsHigh: number, ctm: Matrix, use: PageUse): void {
  const widthPt = Math.hypot(ctm[0], ctm[1]);
  const heightPt = Math.hypot(ctm[2], ctm[3]);
  if (Math.min(pixelsWide, pixelsHigh) <= 1 || widthPt < 0.01 || heightPt < 0.01) return; // 1-px strips are flat fills, not pictures
  const ppi = Math.min((pixelsWide * 72) / widthPt, (pixelsHigh * 72) / heightPt);
  use.images.push({ name, pixelsWide, pixelsHigh, widthPt, heightPt, ppi });
}

function scan(
  context: PDFContext,
  data: Uint8Array,
  resources: PDFDict | undefined,
  start: Matrix,
  use: PageUse,
  active: Set<PDFObject>,
  depth: number,
): void {
  collectFonts(context, resources, use);
  const stack: Matrix[] = [];
  let ctm = start;
  const nameArg = (args: Operand[], index: number) =>
    args[index] instanceof Name ? (args[index] as Name).value : undefined;
  const problems = { tooDeep: false };
  // What a page uses never depends on the text it shows: its strings are not decoded.
  const visit = ({ op, args, inline }: Operation) => {
    switch (op) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? ctm;
        break;
      case 'cm':
        if (args.length === 6 && args.every((a) => typeof a === 'number')) ctm = multiply(args as Matrix, ctm);
        break;
      case 'rg':
      case 'RG':
        use.rgb.add('DeviceRGB colour set with rg/RG');
        use.nonX1a.add('DeviceRGB colour set with rg/RG');
        break;
      case 'cs':
      case 'CS': {
        const space = nameArg(args, 0);
        const kind = space && namedSpaceRgbKind(context, resources, space);
        if (kind) use.rgb.add(`colour space /${space} is ${kind}`);
        const other = space && namedSpaceNonX1a(context, resources, space);
        if (other) use.nonX1a.add(`colour space /${space} is ${other}`);
        break;
      }
      case 'gs': {
        const name = nameArg(args, 0);
        const why =
          name && extGStateTransparency(context, dictEntry(context, dictEntry(context, resources, 'ExtGState'), name));
        if (why) use.transparency.add(`graphics state /${name} sets ${why}`);
        break;
      }
      case 'scn':
      case 'SCN': {
        const patternName = nameArg(args, args.length - 1);
        const pattern = patternName
          ? resolve(context, dictEntry(context, resources, 'Pattern')?.get(PDFName.of(patternName)))
          : undefined;
        if (pattern) usePattern(context, pattern, patternName!, resources, ctm, use, active, depth);
        break;
      }
      case 'sh': {
        const shading =
          nameArg(args, 0) &&
          resolve(context, dictEntry(context, resources, 'Shading')?.get(PDFName.of(nameArg(args, 0)!)));
        const shadingDict =
          shading instanceof PDFStream ? shading.dict : shading instanceof PDFDict ? shading : undefined;
        noteSpace(context, use, `shading /${nameArg(args, 0)}`, entry(context, shadingDict, 'ColorSpace'));
        break;
      }
      case 'Do': {
        const name = nameArg(args, 0);
        const ref = name ? dictEntry(context, resources, 'XObject')?.get(PDFName.of(name)) : undefined;
        const xobject = resolve(context, ref);
        if (name && xobject instanceof PDFStream)
          useXObject(context, name, xobject, resources, ctm, use, active, depth);
        break;
      }
      case 'BI': {
        const get = (a: string, b: string) => inline?.get(a) ?? inline?.get(b);
        const space = get('CS', 'ColorSpace');
        const spaceName = space instanceof Name ? (INLINE_SPACES[space.value] ?? space.value) : undefined;
        const kind = spaceName && namedSpaceRgbKind(context, resources, spaceName);
        if (kind) use.rgb.add(`inline image in ${kind}`);
        const other = spaceName && namedSpaceNonX1a(context, resources, spaceName);
        if (other) use.nonX1a.add(`inline image in ${other}`);
        const w = get('W', 'Width');
        const h = get('H', 'Height');
        if (typeof w === 'number' && typeof h === 'number' && get('IM', 'ImageMask') !== true)
          placeImage('inline image', w, h, ctm, use);
        break;
      }
    }
  };
  forEachOperation(data, visit, problems, false, SCANNED_OPERATORS);
  if (problems.tooDeep)
    use.malformed.add(`a content stream nests arrays or dictionaries deeper than ${MAX_OPERAND_DEPTH} levels`);
}

function useXObject(
  context: PDFContext,
  name: string,
  xobject: PDFStream,
  resources: PDFDict | undefined,
  ctm: Matrix,
  use: PageUse,
  active: Set<PDFObject>,
  depth: number,
): void {
  const dict = xobject.dict;
  const subtype = nameEntry(context, dict, 'Subtype');
  if (subtype === 'Image') {
    const isMask = entry(context, dict, 'ImageMask')?.toString() === 'true';
    if (!isMask) noteSpace(context, use, `image /${name}`, entry(context, dict, 'ColorSpace'));
    const transparent = imageTransparency(context, dict);
    if (transparent) use.transparency.add(`image /${name} has ${transparent}`);
    placeImage(
      `/${name}`,
      numberEntry(context, dict, 'Width') ?? 0,
      numberEntry(context, dict, 'Height') ?? 0,
      ctm,
      use,
    );
  } else if (subtype === 'Form' && depth < MAX_DEPTH && !active.has(xobject)) {
    const blend = rgbKind(context, entry(context, dictEntry(context, dict, 'Group'), 'CS'));
    if (blend) use.rgb.add(`form /${name} transparency group blends in ${blend}`);
    if (isTransparencyGroup(context, dict)) use.transparency.add(`form /${name} is a transparency group`);
    const matrix = (numberArray(context, dict.get(PDFName.of('Matrix'))) as Matrix | undefined) ?? IDENTITY;
    active.add(xobject);
    scan(
      context,
      contentBytes(context, xobject),
      dictEntry(context, dict, 'Resources') ?? resources,
      multiply(matrix, ctm),
      use,
      active,
      depth + 1,
    );
    active.delete(xobject);
  }
}

function usePattern(
  context: PDFContext,
  pattern: PDFObject,
  name: string,
  resources: PDFDict | undefined,
  ctm: Matrix,
  use: PageUse,
  active: Set<PDFObject>,
  depth: number,
): void {
  const dict = pattern instanceof PDFStream ? pattern.dict : pattern instanceof PDFDict ? pattern : undefined;
  if (numberEntry(context, dict, 'PatternType') === 2) {
    noteSpace(
      context,
      use,
      `shading pattern /${name}`,
      entry(context, dictEntry(context, dict, 'Shading'), 'ColorSpace'),
    );
  } else if (pattern instanceof PDFStream && depth < MAX_DEPTH && !active.has(pattern)) {
    // Tiling pattern: its matrix is relative to the page's default space (§8.7.3.1); using the CTM is close enough for ppi.
    const matrix = (numberArray(context, dict?.get(PDFName.of('Matrix'))) as Matrix | undefined) ?? IDENTITY;
    active.add(pattern);
    scan(
      context,
      contentBytes(context, pattern),
      dictEntry(context, dict, 'Resources') ?? resources,
      multiply(matrix, ctm),
      use,
      active,
      depth + 1,
    );
    active.delete(pattern);
  }
}
