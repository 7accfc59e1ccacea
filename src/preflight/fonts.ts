/**
 * Font checks the way pdffonts and print shops see them (PDF 32000-1 §9.6–9.9): a font is embedded when
 * its descriptor (for Type0: the descendant CIDFont's) has FontFile, FontFile2 or FontFile3; subset when
 * its BaseFont carries a "ABCDEF+" tag; Type 3 fonts are procedures, which RIPs and shops reject.
 */
import { PDFArray, PDFDict, type PDFContext } from 'pdf-lib';
import { dictEntry, entry, nameEntry, resolve } from '../pdf-read/objects.js';

/** One font as the report lists it. */
export interface FontInfo {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

const TYPE_NAMES: Record<string, string> = { FontFile: 'Type 1', FontFile2: 'TrueType', FontFile3: 'Type 1C/CFF' };

/** Describe a font dictionary: pdffonts-style type ("CID TrueType", "Type 3", …), embedding and subsetting. */
export function describeFont(context: PDFContext, font: PDFDict): FontInfo {
  const subtype = nameEntry(context, font, 'Subtype') ?? 'unknown';
  const name = nameEntry(context, font, 'BaseFont') ?? nameEntry(context, font, 'Name') ?? '[none]';
  if (subtype === 'Type3') return { name, type: 'Type 3', embedded: true, subset: false };
  let descriptorOwner = font;
  let type = subtype === 'TrueType' ? 'TrueType' : subtype;
  if (subtype === 'Type0') {
    const list = entry(context, font, 'DescendantFonts');
    const cidFont = list instanceof PDFArray ? resolve(context, list.get(0)) : undefined;
    if (cidFont instanceof PDFDict) {
      descriptorOwner = cidFont;
      type = nameEntry(context, cidFont, 'Subtype') === 'CIDFontType2' ? 'CID TrueType' : 'CID Type 0';
    }
  }
  const descriptor = dictEntry(context, descriptorOwner, 'FontDescriptor');
  const file = ['FontFile', 'FontFile2', 'FontFile3'].find((key) => entry(context, descriptor, key) !== undefined);
  if (file === 'FontFile3') {
    const sub = nameEntry(context, dictEntry(context, descriptor, 'FontFile3'), 'Subtype');
    if (sub === 'OpenType') type = subtype === 'Type0' ? 'CID OpenType' : 'OpenType';
    else if (subtype === 'Type0') type = 'CID Type 0C';
    else type = 'Type 1C';
  } else if (file && subtype !== 'Type0' && subtype !== 'TrueType') {
    type = TYPE_NAMES[file] ?? subtype;
  }
  return { name, type, embedded: file !== undefined, subset: /^[A-Z]{6}\+/.test(name) };
}

/** Why a font fails a print check, or undefined when it is fine. */
export function fontProblem(font: FontInfo): string | undefined {
  if (font.type === 'Type 3')
    return `font ${font.name} is Type 3 (glyphs as drawing procedures; print shops reject it — embed a TrueType/OpenType font instead)`;
  if (!font.embedded) return `font ${font.name} (${font.type}) is not embedded`;
  return undefined;
}
