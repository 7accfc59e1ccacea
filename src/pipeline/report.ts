/**
 * report.json: the machine-readable account of a build: pages and their
 * sources, make-up figures per page, diagnostics, browser problems, preflight, stage timings.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../ast/types.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import type { PageProblem } from '../print/browser.js';
import type { InspectedPage } from '../layout/measure.js';
import type { Sheet } from '../render/geometry.js';
import type { PageView } from '../render/view.js';
import type { LayoutPassResult } from '../layout/layout-pass.js';
import { makeupDiagnostics } from '../layout/makeup-diagnostics.js';
import type { PlacedPhoto } from './photos.js';

/** The fill share every page must reach. */
export const FILL_TARGET = 0.97;

/** More of the page than this in empty photo slots, and the page reads as unfinished: `empty-slots`. */
export const MAX_EMPTY_SLOT_SHARE = 0.35;

/** One page of the report. */
export interface ReportPage extends Omit<InspectedPage, 'modules'> {
  source: string;
  articles: { id: string; headline: string }[];
  modules: {
    id: string;
    headline: string;
    column: number;
    span: number;
    line: number;
    lines: number;
    figureLines: number;
    photoSlot: boolean;
  }[];
  /** What fills the type area: copy (text, heads, rules), placed photos, empty photo slots (fractions; `fill` is their sum). */
  shares: { copy: number; photos: number; emptySlots: number };
}

/** The whole report. */
export interface Report {
  tool: string;
  trim: { widthMm: number; heightMm: number };
  bleedMm: number;
  grid: { columns: number; lines: number };
  pages: ReportPage[];
  diagnostics: Diagnostic[];
  browserProblems: PageProblem[];
  /** Photos placed, with their resolution at placed size, and photos in a photo folder that no figure took. */
  photos: { placed: PlacedPhoto[]; unused: string[] };
  preflight?: unknown;
  outputs?: Record<string, string>;
  timings: Record<string, number>;
}

/** Assemble the report from the build's parts. */
export function buildReport(args: {
  config: Config;
  sheet: Sheet;
  views: PageView[];
  pass: LayoutPassResult;
  diagnostics: Diagnostic[];
  timings: Record<string, number>;
  problems: PageProblem[];
  sources: string[];
  ctx: Context;
  fileOf?: (source: string) => string;
  photos?: Report['photos'];
}): Report {
  const { sheet, views, pass, diagnostics } = args;
  const pages = views.map((view, i): ReportPage => {
    const inspected =
      pass.inspected.find((p) => p.number === view.number && pass.inspected.indexOf(p) === i) ?? pass.inspected[i];
    const headline = (domId: string) => view.articles.find((a) => a.domId === domId)?.headline ?? '';
    const modules = (pass.placements[i] ?? []).map((p) => ({
      id: p.id,
      headline: headline(p.id),
      column: p.column,
      span: p.span,
      line: p.line,
      lines: Math.min(p.lines, args.sheet.grid.lines - view.bannerLines - p.line),
      figureLines: p.figureLines,
      photoSlot: p.addedSlot,
    }));
    const file = args.fileOf?.(view.source) ?? view.source;
    const photoFolder = `${file.replace(/\.[^./]+$/, '')}/`;
    diagnostics.push(...makeupDiagnostics(view, inspected, file));
    for (const m of modules.filter((m) => m.photoSlot))
      diagnostics.push({
        ruleId: 'photo-slot',
        severity: 'warning',
        file,
        line: view.articles.find((a) => a.domId === m.id)?.line ?? 1,
        column: 1,
        message: `page ${view.number}: 「${m.headline}」 has too little copy to fill its module; a photo slot was added — put a photo in ${photoFolder} or supply more copy`,
      });
    const shares = pageShares(inspected);
    if (shares.emptySlots > MAX_EMPTY_SLOT_SHARE)
      diagnostics.push({
        ruleId: 'empty-slots',
        severity: 'warning',
        file,
        line: 1,
        column: 1,
        message: `page ${view.number}: empty photo slots take ${Math.round(shares.emptySlots * 100)}% of the page; ${inspected?.slots ?? 0} photo(s) in ${photoFolder} or about ${Math.round(inspected?.slotColumnLines ?? 0)} more lines of copy (one column wide) would fill them`,
      });
    return {
      number: view.number,
      source: view.source,
      articles: view.articles.map((a) => ({ id: a.id, headline: a.headline })),
      fill: Math.round((inspected?.fill ?? 0) * 1000) / 1000,
      oversetChars: inspected?.oversetChars ?? 0,
      widows: inspected?.widows ?? 0,
      orphans: inspected?.orphans ?? 0,
      singleCharLines: inspected?.singleCharLines ?? 0,
      unbalancedModules: inspected?.unbalancedModules ?? 0,
      trackedParagraphs: inspected?.trackedParagraphs ?? 0,
      multiLineHeads: inspected?.multiLineHeads ?? 0,
      midPhraseHeads: inspected?.midPhraseHeads ?? 0,
      midPhraseTexts: inspected?.midPhraseTexts ?? [],
      modules,
      shares,
    };
  });
  return {
    tool: 'zhuanban',
    trim: sheet.trim,
    bleedMm: sheet.sheet.bleedMm,
    grid: { columns: sheet.grid.columns, lines: sheet.grid.lines },
    pages,
    diagnostics,
    photos: args.photos ?? { placed: [], unused: [] },
    browserProblems: args.problems.map((p) => ({
      ...p,
      url: p.url.startsWith('file://') ? relative(args.ctx.root, new URL(p.url).pathname) : p.url,
    })),
    timings: args.timings,
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** A page's fill split into copy, placed photos and empty photo slots. */
function pageShares(inspected: InspectedPage | undefined): ReportPage['shares'] {
  const photos = Math.min(1, inspected?.photoShare ?? 0);
  const emptySlots = Math.min(1 - photos, inspected?.slotShare ?? 0);
  return {
    copy: round3(Math.max(0, (inspected?.fill ?? 0) - photos - emptySlots)),
    photos: round3(photos),
    emptySlots: round3(emptySlots),
  };
}

/** Diagnostics `--strict` fails on besides errors: a photo that prints soft. */
const STRICT_WARNINGS = new Set(['low-resolution']);

/** What fails `--strict`: the make-up bar, any error diagnostic, a soft photo, a refused request, a failed preflight. */
export function strictFailures(report: Report): string[] {
  const where = (d: Diagnostic) => `${d.file ?? '(edition)'}:${d.line}`;
  return [
    ...report.pages.flatMap((p) => [
      ...(p.oversetChars > 0 ? [`page ${p.number}: ${p.oversetChars} overset characters`] : []),
      ...(p.fill < FILL_TARGET ? [`page ${p.number}: fill ${p.fill} below ${FILL_TARGET}`] : []),
    ]),
    ...report.diagnostics
      .filter((d) => d.severity === 'error' || STRICT_WARNINGS.has(d.ruleId))
      .map((d) => `${where(d)}: ${d.ruleId}: ${d.message}`),
    ...report.browserProblems.filter((p) => p.kind === 'blocked').map((p) => `the page asked for ${p.url}: refused`),
    ...preflightVerdicts(report)
      .filter((v) => !v.passed)
      .map((v) => `preflight of ${v.name} failed (${v.issues} issue${v.issues === 1 ? '' : 's'})`),
  ];
}

/** Each preflighted output with its verdict, for the build summary and `--strict`. */
export function preflightVerdicts(report: Report): { name: string; passed: boolean; issues: number }[] {
  const checks = (report.preflight ?? {}) as Record<string, { file?: string; passed?: boolean; issues?: unknown[] }>;
  return Object.entries(checks)
    .filter(([, v]) => v && typeof v.passed === 'boolean')
    .map(([key, v]) => ({
      name: key === 'edition' ? 'edition.pdf' : key === 'pdfx' ? 'edition-pdfx.pdf' : key,
      passed: !!v.passed,
      issues: v.issues?.length ?? 0,
    }));
}
