/**
 * After the make-up: every photo's slot is known, so each is processed for its placed size (cropped,
 * downsampled, converted) and shown in the page before it prints. What the processing measured becomes
 * diagnostics (low resolution, colour converted, crop beyond the bound) and the report's photo list.
 */
import { relative, sep } from 'node:path';
import type { Page } from 'puppeteer';
import type { Diagnostic } from '../ast/types.js';
import type { Context } from '../io/context.js';
import { MIN_PPI, processPhoto } from '../images/process.js';
import { MAX_PHOTO_CROP } from '../layout/leaf.js';
import { photoSlots, showPhotos } from '../print/page-session.js';
import type { PageView } from '../render/view.js';

/** One placed photo in report.json. */
export interface PlacedPhoto {
  file: string;
  page: number;
  caption: string;
  /** Placed size in mm. */
  widthMm: number;
  heightMm: number;
  /** Resolution the photo's own pixels give at that size, and what was embedded (at most 300). */
  effectivePpi: number;
  embeddedPpi: number;
  embeddedPixels: [number, number];
}

const MM_PER_CSS_PX = 25.4 / 96;
/** Rounding slack on the crop bound: the slot is whole lines, the bound is exact. */
const CROP_TOLERANCE = 0.03;

/** Process and show every placed photo; returns diagnostics and the report's list. */
export async function placePhotos(
  ctx: Context,
  page: Page,
  views: PageView[],
  htmlDir: string,
  fileOf: (source: string) => string,
): Promise<{ diagnostics: Diagnostic[]; placed: PlacedPhoto[] }> {
  const figures = new Map(
    views.flatMap((v) =>
      v.articles.flatMap((a) =>
        a.figures.filter((f) => f.photo).map((f) => [f.photo!.id, { view: v, figure: f }] as const),
      ),
    ),
  );
  const diagnostics: Diagnostic[] = [];
  const placed: PlacedPhoto[] = [];
  const hrefs: Record<string, string> = {};
  for (const slot of await photoSlots(page)) {
    const found = figures.get(slot.id);
    if (!found || slot.width < 1 || slot.height < 1) continue;
    const { view, figure } = found;
    const photo = figure.photo!.source;
    const done = await processPhoto(ctx, photo, slot);
    hrefs[slot.id] = relative(htmlDir, done.file).split(sep).join('/');
    const file = relative(ctx.root, photo.path);
    const at = { file: fileOf(view.source), line: figure.line ?? 1, column: 1 };
    const ppi = Math.round(done.effectivePpi);
    if (ppi < MIN_PPI)
      diagnostics.push({
        ...at,
        ruleId: 'low-resolution',
        severity: 'warning',
        message: `照片 “${figure.caption || file}” 在第${view.number}版仅 ${ppi} ppi (${file}: ${photo.width}×${photo.height} px placed ${Math.round(slot.width * MM_PER_CSS_PX)} mm wide; at least ${MIN_PPI} ppi needed)`,
      });
    if (done.convertedFrom)
      diagnostics.push({
        ...at,
        ruleId: 'colour-converted',
        severity: 'info',
        message: `photo ${file} converted from ${done.convertedFrom} to sRGB (the press-ready PDF separates it again through the output intent)`,
      });
    if (Math.max(done.cropped.x, done.cropped.y) > MAX_PHOTO_CROP + CROP_TOLERANCE)
      diagnostics.push({
        ...at,
        ruleId: 'photo-crop',
        severity: 'warning',
        message: `photo ${file} on page ${view.number} lost ${Math.round(Math.max(done.cropped.x, done.cropped.y) * 100)}% of its ${done.cropped.x > done.cropped.y ? 'width' : 'height'} to fit its slot; set a focus (#focus=x,y or ${file}.json) or give the article a photo of another shape`,
      });
    placed.push({
      file,
      page: view.number,
      caption: figure.caption,
      widthMm: round1(slot.width * MM_PER_CSS_PX),
      heightMm: round1(slot.height * MM_PER_CSS_PX),
      effectivePpi: ppi,
      embeddedPpi: Math.round(done.outputPpi),
      embeddedPixels: [done.width, done.height],
    });
  }
  for (const id of await showPhotos(page, hrefs)) {
    const found = figures.get(id)!;
    diagnostics.push({
      file: fileOf(found.view.source),
      line: found.figure.line ?? 1,
      column: 1,
      ruleId: 'image-failed',
      severity: 'error',
      message: `photo ${relative(ctx.root, found.figure.photo!.source.path)} did not load in the page after processing`,
    });
  }
  return { diagnostics, placed };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
