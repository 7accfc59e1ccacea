/**
 * Printer's marks in the slug: crop marks at the trim corners, registration targets at the
 * middle of each side and a slug line, all in registration colour, all outside the BleedBox so nothing
 * can print inside the trim. Wrapped as an /Artifact (PDF 32000-1 §14.8.2.2) so the tagged structure
 * Chromium wrote stays valid.
 */
import { deflateSync } from 'node:zlib';
import { numberToString, PDFOperatorNames as Op, type PDFPage } from 'pdf-lib';
import type { PageBoxes } from './boxes.js';
import { REGISTRATION_CS } from './registration-colour.js';
import { dotWidth, layoutDots } from './slug-font.js';
import { round3 } from './types.js';

/** Geometry of the marks around one page, in points. */
export interface MarkSpec {
  boxes: PageBoxes;
  bleedPt: number;
  slugPt: number;
  slugText: string;
}

const KAPPA = 0.5523; // Bézier approximation of a quarter circle.
/**
 * One operator of the marks' content stream, written as pdf-lib writes a PDFOperator of PDFNumbers (the
 * same bytes): building hundreds of operator objects a page cost more than the rest of the finishing.
 */
const op = (name: Op, ...args: number[]): string => {
  let text = '';
  for (const n of args) text += `${numberToString(round3(n))} `;
  return text + name;
};

/** Crop marks: two short lines per trim corner, starting beyond the bleed so they never touch the page. */
function cropMarks({ boxes: { trim }, bleedPt, slugPt }: MarkSpec): string[] {
  const start = Math.max(bleedPt + 1.417, 2.835); // 0.5 mm clear of the BleedBox so no mark pixel lands in the bleed; ≥ 1 mm from the trim
  const end = start + slugPt * 0.5;
  const ops: string[] = [];
  for (const [x, sx] of [
    [trim.x, -1],
    [trim.x + trim.width, 1],
  ] as const) {
    for (const [y, sy] of [
      [trim.y, -1],
      [trim.y + trim.height, 1],
    ] as const) {
      ops.push(op(Op.MoveTo, x + sx * start, y), op(Op.LineTo, x + sx * end, y));
      ops.push(op(Op.MoveTo, x, y + sy * start), op(Op.LineTo, x, y + sy * end));
    }
  }
  return [...ops, op(Op.StrokePath)];
}

function circle(cx: number, cy: number, r: number): string[] {
  const k = r * KAPPA;
  return [
    op(Op.MoveTo, cx + r, cy),
    op(Op.AppendBezierCurve, cx + r, cy + k, cx + k, cy + r, cx, cy + r),
    op(Op.AppendBezierCurve, cx - k, cy + r, cx - r, cy + k, cx - r, cy),
    op(Op.AppendBezierCurve, cx - r, cy - k, cx - k, cy - r, cx, cy - r),
    op(Op.AppendBezierCurve, cx + k, cy - r, cx + r, cy - k, cx + r, cy),
    op(Op.ClosePath),
  ];
}

/** Registration targets (circle, cross hair, solid centre) centred in the slug on each side. */
function registrationTargets({ boxes: { trim }, bleedPt, slugPt }: MarkSpec): string[] {
  const distance = bleedPt + slugPt * 0.4;
  const r = slugPt * 0.18;
  const midX = trim.x + trim.width / 2;
  const midY = trim.y + trim.height / 2;
  const centres = [
    [midX, trim.y - distance],
    [midX, trim.y + trim.height + distance],
    [trim.x - distance, midY],
    [trim.x + trim.width + distance, midY],
  ];
  const stroked: string[] = [];
  const filled: string[] = [];
  for (const [cx, cy] of centres as [number, number][]) {
    stroked.push(
      ...circle(cx, cy, r),
      op(Op.MoveTo, cx - r * 1.4, cy),
      op(Op.LineTo, cx + r * 1.4, cy),
      op(Op.MoveTo, cx, cy - r * 1.4),
      op(Op.LineTo, cx, cy + r * 1.4),
    );
    filled.push(...circle(cx, cy, r * 0.4));
  }
  return [...stroked, op(Op.StrokePath), ...filled, op(Op.FillNonZero)];
}

/** The slug line in vector dots along the bottom edge of the MediaBox, from the trim's left edge. */
function slugLine({ boxes: { trim, media }, slugPt, slugText }: MarkSpec): string[] {
  const dot = Math.min(slugPt * 0.02, trim.width / Math.max(1, dotWidth(slugText)));
  const baseline = media.y + slugPt * 0.08;
  const runs = layoutDots(slugText).map((run) =>
    op(Op.AppendRectangle, trim.x + run.x * dot, baseline + run.y * dot, run.width * dot, dot),
  );
  return runs.length ? [...runs, op(Op.FillNonZero)] : [];
}

/**
 * Draw all marks on a page; the page must already have the registration colour space resource. The
 * marks are a content stream of their own, compressed by Node's zlib when it is made (pdf-lib would
 * compress it in JavaScript while saving, several times slower for a slug line of hundreds of dots).
 */
export function drawMarks(page: PDFPage, spec: MarkSpec): void {
  const cs = `/${REGISTRATION_CS}`;
  const { context } = page.doc;
  const operators = [
    `/Artifact ${Op.BeginMarkedContent}`,
    Op.PushGraphicsState,
    `${cs} ${Op.StrokingColorspace}`,
    `${cs} ${Op.NonStrokingColorspace}`,
    op(Op.StrokingColorN, 1),
    op(Op.NonStrokingColorN, 1),
    op(Op.SetLineWidth, 0.5),
    ...cropMarks(spec),
    ...registrationTargets(spec),
    ...slugLine(spec),
    Op.PopGraphicsState,
    Op.EndMarkedContent,
  ];
  const content = Buffer.from(`${operators.join('\n')}\n`, 'latin1');
  page.node.addContentStream(context.register(context.stream(deflateSync(content), { Filter: 'FlateDecode' })));
}
