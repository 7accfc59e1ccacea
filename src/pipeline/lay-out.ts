/**
 * Everything up to the print: parse every source, build the page views, render the templates,
 * and make up the pages in one Chromium page. Shared by `build` (which then prints the PDF) and
 * `preview` (which keeps a browser alive and serves the proof).
 */
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import type { Page } from 'puppeteer';
import type { Diagnostic, ZbDocument } from '../ast/types.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import type { LayoutPassResult } from '../layout/layout-pass.js';
import { makeUpEdition, type StageTimer } from '../layout/layout-edition.js';
import { parseSource } from '../parse/index.js';
import { InputError } from '../io/input-error.js';
import type { BrowserSession } from '../print/browser.js';
import type { ReusablePage } from '../print/page-session.js';
import { sheetGeometry, type Sheet } from '../render/geometry.js';
import { type EditionTemplate, loadTemplates, renderEdition } from '../render/html.js';
import { loadBodyPlugins } from '../render/plugins.js';
import type { BodyPlugins } from '../render/body.js';
import type { PageView } from '../render/view.js';
import { buildPageViews, editionDate, type PageRun, viewDiagnostics } from './pages.js';
import { attachPhotos } from '../images/resolve.js';
import { placePhotos, type PlacedPhoto } from './photos.js';

export type { StageTimer } from '../layout/layout-edition.js';

/** A source file the importer refuses; the build stops with its name. */
export class SourceRefused extends Error {
  override name = 'SourceRefused';
}

/** The laid-out edition, still open in its Chromium page. */
export interface LaidOutEdition {
  page: Page;
  sheet: Sheet;
  views: PageView[];
  pass: LayoutPassResult;
  proof: { head: string; pages: string[] };
  diagnostics: Diagnostic[];
  docs: ZbDocument[];
  date: Date;
  title: string;
  /** Source basename → path relative to the project, for file:line in diagnostics. */
  fileOf: (source: string) => string;
  /** Photos placed on these pages, with their resolution at placed size. */
  photos: PlacedPhoto[];
}

/** One parsed source: its path and its tree. */
interface ParsedSource {
  path: string;
  tree: ZbDocument;
}

/**
 * Trees of sources parsed before, by path, with the SHA-256 of the bytes they were parsed from: the
 * preview keeps one, so a save re-parses only the file that changed. Trees are never modified downstream.
 */
export type ParseCache = Map<string, { sha256: string; tree: ZbDocument }>;

/** Parse every source in order, with progress; a source the importer refuses stops with its name. */
async function parseSources(
  ctx: Context,
  sources: string[],
  maxBytes: number,
  cache?: ParseCache,
): Promise<ParsedSource[]> {
  const results: ParsedSource[] = [];
  for (const [i, path] of sources.entries()) {
    ctx.progress.step(i + 1, sources.length, relative(ctx.root, path));
    try {
      const label = `source ${relative(ctx.root, path) || path}`;
      const bytes = await ctx.readUserFile(path, { label, maxBytes, limitKey: 'maxSourceBytes' });
      const sha256 = cache ? createHash('sha256').update(bytes).digest('hex') : '';
      const known = cache?.get(path);
      const tree = known?.sha256 === sha256 ? known.tree : parseSource(bytes, path).tree;
      cache?.set(path, { sha256, tree });
      results.push({ path, tree });
    } catch (error) {
      if (error instanceof InputError) throw error;
      // A source the importer refuses (binary, undecodable) names its file.
      const reason = (error as Error).message;
      throw new SourceRefused(
        reason.includes(path)
          ? reason.replace(path, relative(ctx.root, path))
          : `${relative(ctx.root, path)}: ${reason}`,
      );
    }
  }
  ctx.progress.done();
  return results;
}

/** The parsed sources and everything the make-up of any run of their pages needs. */
export interface ParsedEdition {
  docs: ZbDocument[];
  /** The parser's diagnostics, with file paths relative to the project. */
  diagnostics: Diagnostic[];
  sheet: Sheet;
  template: EditionTemplate;
  plugins: BodyPlugins;
  date: Date;
  title: string;
  /** Source basename → path relative to the project, for file:line in diagnostics. */
  fileOf: (source: string) => string;
  /** Photos in photo folders that no figure took (paths relative to the project). */
  unusedPhotos: string[];
}

/** Parse every source and load the templates and body plugins (no browser needed). */
export async function prepareEdition(
  ctx: Context,
  options: { config: Config; sources: string[]; time: StageTimer; parseCache?: ParseCache },
): Promise<ParsedEdition> {
  const { config, time } = options;
  const parsed = await time('parse', () =>
    parseSources(ctx, options.sources, config.maxSourceBytes, options.parseCache),
  );
  const files = new Map(parsed.map(({ path, tree }) => [tree.source, relative(ctx.root, path)]));
  const diagnostics: Diagnostic[] = parsed.flatMap(({ path, tree }) =>
    tree.diagnostics.map((d) => ({ ...d, file: relative(ctx.root, path) })),
  );
  for (const d of diagnostics) if (d.file && files.has(d.file)) d.file = files.get(d.file);
  const photos = await time('images', () => attachPhotos(ctx, parsed));
  diagnostics.push(...photos.diagnostics);
  const template = await time('templates', () => loadTemplates(ctx, config.templates));
  const plugins = await time('templates', () => loadBodyPlugins(ctx.root, config));
  return {
    docs: parsed.map((p) => p.tree),
    diagnostics,
    sheet: sheetGeometry(config),
    template,
    plugins,
    date: editionDate(config, ctx.now()),
    title: `${config.paper} ${config.section}专版`,
    fileOf: (s) => files.get(s) ?? s,
    unusedPhotos: photos.unused,
  };
}

/**
 * Make up `docs` (the whole edition, or a run of its pages placed by `run`) in one Chromium page; the
 * result's diagnostics are the make-up's only. `measureName` lets several pages make up runs at
 * once (see makeUpEdition).
 */
export async function layoutPages(
  ctx: Context,
  starting: BrowserSession | Promise<BrowserSession>,
  edition: ParsedEdition,
  docs: ZbDocument[],
  options: {
    config: Config;
    proofDir: string;
    time: StageTimer;
    reuse?: ReusablePage | null;
    run?: PageRun;
    measureName?: string;
  },
): Promise<LaidOutEdition> {
  const { config, proofDir } = options;
  const { sheet, template, plugins, date, title, fileOf } = edition;
  const render = (current: ZbDocument[]) => {
    const views = buildPageViews(current, config, date, plugins, options.run);
    return {
      ...views,
      html: renderEdition(template, {
        ctx,
        config,
        sheet,
        pages: views.pages,
        title,
        htmlDir: proofDir,
        mode: 'print',
      }),
    };
  };
  // The page reads only the project, the proof folder, the image cache and zhuanban's own templates, styles and fonts.
  const session = Promise.resolve(starting).then((started) => {
    for (const dir of [
      ctx.root,
      proofDir,
      ctx.cacheDir,
      join(ctx.packageRoot, 'styles'),
      join(ctx.packageRoot, 'templates'),
      join(ctx.packageRoot, 'node_modules'),
    ])
      started.allow(dir);
    return started;
  });
  session.catch(() => {}); // a Chromium that failed to start is reported where it is awaited
  // Photos are processed once their placed size is known, before the proof is taken and the page prints.
  let placed: Awaited<ReturnType<typeof placePhotos>> = { diagnostics: [], placed: [] };
  const finish = async (page: Page, rendered: { pages: PageView[] }) => {
    placed = await options.time('photos', () => placePhotos(ctx, page, rendered.pages, proofDir, fileOf));
  };
  const made = await makeUpEdition(ctx, session, {
    docs,
    grid: sheet.grid,
    proofDir,
    time: options.time,
    render,
    reuse: options.reuse,
    measureName: options.measureName,
    finish,
  });
  return {
    page: made.page,
    sheet,
    views: made.rendered.pages,
    pass: made.pass,
    proof: made.proof,
    diagnostics: [...viewDiagnostics(made.rendered, fileOf), ...placed.diagnostics],
    docs: made.docs,
    date,
    title,
    fileOf,
    photos: placed.placed,
  };
}

/**
 * Parse, render and make up the edition in `session`; the caller closes the returned page. `reuse` is the page
 * an earlier call with the same `proofDir` returned (the preview's); the edition is laid out again in it.
 */
export async function layoutEdition(
  ctx: Context,
  session: BrowserSession,
  options: {
    config: Config;
    sources: string[];
    proofDir: string;
    time: StageTimer;
    reuse?: ReusablePage | null;
    parseCache?: ParseCache;
  },
): Promise<LaidOutEdition> {
  const edition = await prepareEdition(ctx, options);
  const laid = await layoutPages(ctx, session, edition, edition.docs, options);
  return { ...laid, diagnostics: [...edition.diagnostics, ...laid.diagnostics] };
}
