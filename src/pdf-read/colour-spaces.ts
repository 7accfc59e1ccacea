/**
 * Is a colour space RGB? (PDF 32000-1 §8.6): DeviceRGB, CalRGB, ICCBased with N=3, and Indexed or
 * uncoloured Pattern spaces over those. Separation/DeviceN are spot inks on press whatever their
 * alternate, and Gray/CMYK/Lab are not RGB, so they pass (print shops' "RGB used" check).
 */
import { PDFArray, PDFDict, PDFName, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { numberEntry, resolve } from './objects.js';

const RGB_NAMES = new Set(['DeviceRGB', 'RGB', 'CalRGB']);

/** A short description when the colour space is RGB, else undefined. */
export function rgbKind(context: PDFContext, space: PDFObject | undefined, depth = 0): string | undefined {
  const resolved = resolve(context, space);
  if (depth > 8 || !resolved) return undefined;
  if (resolved instanceof PDFName) return RGB_NAMES.has(resolved.decodeText()) ? resolved.decodeText() : undefined;
  if (!(resolved instanceof PDFArray) || resolved.size() === 0) return undefined;
  const family = resolve(context, resolved.get(0));
  const kind = family instanceof PDFName ? family.decodeText() : '';
  if (kind === 'CalRGB') return 'CalRGB';
  if (kind === 'ICCBased') {
    const stream = resolve(context, resolved.get(1));
    const dict = stream instanceof PDFStream ? stream.dict : stream instanceof PDFDict ? stream : undefined;
    return numberEntry(context, dict, 'N') === 3 ? 'ICCBased RGB (N=3)' : undefined;
  }
  if (kind === 'Indexed' || kind === 'I' || kind === 'Pattern') {
    const base = rgbKind(context, resolved.get(1), depth + 1);
    return base ? `${kind} over ${base}` : undefined;
  }
  return undefined;
}

/** Resolve a colour space operand (a name) against a resources dict's /ColorSpace, then classify it. */
export function namedSpaceRgbKind(
  context: PDFContext,
  resources: PDFDict | undefined,
  name: string,
): string | undefined {
  if (RGB_NAMES.has(name)) return name;
  const spaces = resolve(context, resources?.get(PDFName.of('ColorSpace')));
  if (!(spaces instanceof PDFDict)) return undefined;
  return rgbKind(context, spaces.get(PDFName.of(name)));
}

/** Colour spaces PDF/X-1a keeps as they are: process CMYK and grey, and Pattern over those. */
const X1A_NAMES = new Set(['DeviceGray', 'G', 'DeviceCMYK', 'CMYK', 'Pattern']);

/**
 * A short description when the colour space is not allowed in PDF/X-1a, else undefined. ISO 15930-1
 * (PDF/X-1a) allows only DeviceCMYK, DeviceGray, Separation and DeviceN (and Indexed/Pattern over them):
 * no RGB, no Lab, no ICCBased, no CalGray/CalRGB. Separation/DeviceN alternates are held to the same rule
 * (conservative: the alternate is what a composite proof prints, so it must be process colour too).
 */
export function nonX1aKind(context: PDFContext, space: PDFObject | undefined, depth = 0): string | undefined {
  const resolved = resolve(context, space);
  if (depth > 8 || !resolved) return undefined;
  if (resolved instanceof PDFName) return X1A_NAMES.has(resolved.decodeText()) ? undefined : resolved.decodeText();
  if (!(resolved instanceof PDFArray) || resolved.size() === 0) return undefined;
  const family = resolve(context, resolved.get(0));
  const kind = family instanceof PDFName ? family.decodeText() : '?';
  if (kind === 'Separation' || kind === 'DeviceN') {
    const alternate = nonX1aKind(context, resolved.get(2), depth + 1);
    return alternate ? `${kind} with a ${alternate} alternate` : undefined;
  }
  if (kind === 'Indexed' || kind === 'I' || kind === 'Pattern') {
    if (kind === 'Pattern' && resolved.size() < 2) return undefined;
    const base = nonX1aKind(context, resolved.get(1), depth + 1);
    return base ? `${kind} over ${base}` : undefined;
  }
  if (kind === 'ICCBased') {
    const stream = resolve(context, resolved.get(1));
    const dict = stream instanceof PDFStream ? stream.dict : stream instanceof PDFDict ? stream : undefined;
    return `ICCBased (N=${numberEntry(context, dict, 'N') ?? '?'})`;
  }
  return X1A_NAMES.has(kind) ? undefined : kind;
}

/** nonX1aKind for a colour space operand (a name), resolved against the resources' /ColorSpace. */
export function namedSpaceNonX1a(
  context: PDFContext,
  resources: PDFDict | undefined,
  name: string,
): string | undefined {
  if (['DeviceGray', 'DeviceCMYK', 'Pattern', 'G', 'CMYK'].includes(name)) return undefined;
  if (['DeviceRGB', 'RGB'].includes(name)) return 'DeviceRGB';
  const spaces = resolve(context, resources?.get(PDFName.of('ColorSpace')));
  const space = spaces instanceof PDFDict ? spaces.get(PDFName.of(name)) : undefined;
  return space ? nonX1aKind(context, space) : `undefined colour space /${name}`;
}
