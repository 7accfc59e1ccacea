/**
 * Box checks (PDF 32000-1 §14.11.2, ISO 15930 PDF/X §6.1.1): every page needs a TrimBox and a BleedBox,
 * the bleed must reach the required distance beyond the trim on all four sides (and not be cut off by the
 * MediaBox), and the trim must be the configured newspaper size within 0.5 mm.
 */
import type { PDFDict, PDFContext } from 'pdf-lib';
import { numberEntry, pageBox } from '../pdf-read/objects.js';
import type { PreflightIssue } from './types.js';

const PT_PER_MM = 72 / 25.4;
const SIZE_TOLERANCE_MM = 0.5;
const BLEED_TOLERANCE_MM = 0.05; // rounding in producers' point values

const mm = (pt: number) => Math.round((pt / PT_PER_MM) * 100) / 100;

/** Check one page's boxes; `pageNumber` is 1-based. */
export function checkPageBoxes(
  context: PDFContext,
  page: PDFDict,
  pageNumber: number,
  options: { trimMm?: { width: number; height: number }; bleedMm?: number },
): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const media = pageBox(context, page, 'MediaBox', true);
  if (!media) return [{ check: 'boxes', page: pageNumber, message: 'page has no MediaBox' }];
  const trim = pageBox(context, page, 'TrimBox', false);
  const bleed = pageBox(context, page, 'BleedBox', false);
  if (!trim)
    issues.push({ check: 'boxes', page: pageNumber, message: 'no TrimBox (the printer cannot know where to cut)' });
  if (!bleed) issues.push({ check: 'boxes', page: pageNumber, message: 'no BleedBox' });

  const required = options.bleedMm ?? 0;
  if (trim && bleed && required > 0) {
    // Bleed that lies outside the MediaBox does not exist in the file.
    const reach = [
      trim[0] - Math.max(bleed[0], media[0]),
      trim[1] - Math.max(bleed[1], media[1]),
      Math.min(bleed[2], media[2]) - trim[2],
      Math.min(bleed[3], media[3]) - trim[3],
    ];
    const smallest = Math.min(...reach) / PT_PER_MM;
    if (smallest < required - BLEED_TOLERANCE_MM) {
      issues.push({
        check: 'bleed',
        page: pageNumber,
        message: `bleed is ${mm(Math.min(...reach))} mm, ${required} mm required (left/bottom/right/top ${reach.map(mm).join('/')} mm)`,
      });
    }
  }

  if (options.trimMm) {
    const size = trim ?? media;
    const rotated = (((numberEntry(context, page, 'Rotate') ?? 0) % 180) + 180) % 180 === 90;
    let [width, height] = [mm(size[2] - size[0]), mm(size[3] - size[1])];
    if (rotated) [width, height] = [height, width];
    const { width: wantW, height: wantH } = options.trimMm;
    if (Math.abs(width - wantW) > SIZE_TOLERANCE_MM || Math.abs(height - wantH) > SIZE_TOLERANCE_MM) {
      issues.push({
        check: 'page-size',
        page: pageNumber,
        message: `${trim ? 'trim' : 'page'} size is ${width}×${height} mm, configured trim is ${wantW}×${wantH} mm`,
      });
    }
  }
  return issues;
}
