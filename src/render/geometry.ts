/**
 * Page geometry in CSS px (96 dpi): the column grid and the baseline grid that the templates, the
 * measurement and the make-up all share.
 */
import { pageGeometry, type Config } from '../config/schema.js';

export const PX_PER_MM = 96 / 25.4;
const PX_PER_PT = 96 / 72;
/** Chromium sets a line's height in whole 1/64ths of a CSS px (its layout unit), rounded to the nearest. */
const LAYOUT_UNITS_PER_PX = 64;

/**
 * The leading as Chromium will set it: a leading that is no whole number of layout units (14 pt is
 * 18.667 px) would otherwise stack lines a little taller than the grid counts them, and a long column
 * would overrun its last line.
 */
export function lineGridPx(leadingPt: number): number {
  return Math.round(leadingPt * PX_PER_PT * LAYOUT_UNITS_PER_PX) / LAYOUT_UNITS_PER_PX;
}

/** Everything needed to place modules on whole columns and whole lines. */
export interface Grid {
  columns: number;
  columnPx: number;
  gutterPx: number;
  lines: number;
  leadingPx: number;
  bodyPx: number;
  typeWidthPx: number;
}

/** Sheet (trim + bleed) and trim sizes in mm. */
export interface Sheet {
  trim: { widthMm: number; heightMm: number };
  sheet: { widthMm: number; heightMm: number; bleedMm: number };
  margins: Config['margins'];
  grid: Grid;
}

/** Derive the grid from the config: gutter of one body character, lines from the leading. */
export function sheetGeometry(config: Config): Sheet {
  const page = pageGeometry(config);
  const { margins } = config;
  const bodyPx = config.bodySize * PX_PER_PT;
  const leadingPx = lineGridPx(config.bodyLeading);
  const gutterPx = Math.round(bodyPx * 1.25);
  const typeWidthPx = (page.width - margins.left - margins.right) * PX_PER_MM;
  const columnPx = (typeWidthPx - (page.columns - 1) * gutterPx) / page.columns;
  const lines = Math.floor(((page.height - margins.top - margins.bottom) * PX_PER_MM) / leadingPx);
  return {
    trim: { widthMm: page.width, heightMm: page.height },
    sheet: { widthMm: page.width + 2 * config.bleed, heightMm: page.height + 2 * config.bleed, bleedMm: config.bleed },
    margins,
    grid: { columns: page.columns, columnPx, gutterPx, lines, leadingPx, bodyPx, typeWidthPx },
  };
}
