/**
 * An edition built on several machines. Page numbers and continuations depend on the make-up of every
 * earlier page, so one step fixes them first: `plan` makes the whole edition up (no printing) and writes
 * which page each source starts on and how many it fills. Each shard (`build --shard i/n`) then builds a
 * contiguous run of sources starting at the planned page number, printing its pages and keeping what the
 * final step needs (views, proofs, make-up figures, diagnostics) in part.json next to part.pdf; `merge`
 * joins the parts in order and writes the edition exactly as one build does (PDF with bookmarks, report,
 * proofs). A source changed since the plan, or made up to a different number of pages, stops the shard.
 */
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../ast/types.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import { launchBrowser, type PageProblem } from '../print/browser.js';
import { prepareEdition } from './lay-out.js';
import type { LayoutPassResult } from '../layout/layout-pass.js';
import type { PageView } from '../render/view.js';
import { mergePdfs } from '../pdf/merge.js';
import { folioNumbering, layoutAndPrint } from './batches.js';
import { defaultJobs, type EditionParts, stageTimer, writeEdition, type BuildResult } from './index.js';

const PLAN_VERSION = 1;
const PART_VERSION = 1;

/** One source of the plan: where its pages start and how many it fills. */
export interface PlannedSource {
  /** Relative to the project root. */
  path: string;
  sha256: string;
  firstPage: number;
  pages: number;
}

/** The page plan every shard reads. */
export interface EditionPlan {
  version: number;
  /** The edition date (the clock's day when the config gives none), so every shard prints the same date. */
  date: string;
  /** True when the sources' folios number the pages. */
  folios: boolean;
  sources: PlannedSource[];
}

/** A plan or part that cannot be used (exit code 2 from the CLI). */
export class ShardError extends Error {
  override name = 'ShardError';
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Make the whole edition up once (no printing) and record where each source's pages fall. */
export async function planEdition(
  ctx: Context,
  options: { config: Config; sources: string[]; proofDir: string; jobs?: number; batchSources?: number },
): Promise<EditionPlan> {
  const { config } = options;
  const timings: Record<string, number> = {};
  const time = stageTimer(ctx, timings);
  const launching = launchBrowser(config.timeoutMs);
  launching.catch(() => {});
  try {
    const edition = await prepareEdition(ctx, { config, sources: options.sources, time });
    const laid = await layoutAndPrint(ctx, await launching, edition, {
      config,
      proofDir: options.proofDir,
      time,
      print: false,
      jobs: options.jobs ?? defaultJobs(),
      batchSources: options.batchSources,
    });
    const sources: PlannedSource[] = [];
    let next = laid.views[0]?.number ?? config.firstPage;
    for (const [i, path] of options.sources.entries()) {
      const pages = laid.pagesPerSource[i]!;
      sources.push({
        path: relative(ctx.root, path),
        sha256: sha256(await ctx.readFile(path)),
        firstPage: laid.views[sum(laid.pagesPerSource, i)]?.number ?? next,
        pages,
      });
      next += pages;
    }
    return {
      version: PLAN_VERSION,
      date: edition.date.toISOString(),
      folios: folioNumbering(edition.docs, config),
      sources,
    };
  } finally {
    await (await launching.catch(() => null))?.close();
  }
}

const sum = (xs: number[], upTo: number) => xs.slice(0, upTo).reduce((n, x) => n + x, 0);

/** Read and check a plan file. */
export async function readPlan(ctx: Context, path: string): Promise<EditionPlan> {
  let plan: EditionPlan;
  try {
    plan = JSON.parse(new TextDecoder().decode(await ctx.readFile(path))) as EditionPlan;
  } catch (error) {
    throw new ShardError(
      `${relative(ctx.root, path)}: not a readable plan (${(error as Error).message}); run \`zhuanban plan\` first`,
    );
  }
  if (plan.version !== PLAN_VERSION || !Array.isArray(plan.sources))
    throw new ShardError(`${relative(ctx.root, path)}: not a zhuanban page plan (version ${PLAN_VERSION})`);
  return plan;
}

/** Sources [start, end) of shard `index` (1-based) of `count`: contiguous runs of about the same number of pages. */
export function shardRange(plan: EditionPlan, index: number, count: number): [number, number] {
  if (!(index >= 1 && index <= count))
    throw new ShardError(`--shard ${index}/${count}: the shard number must be between 1 and ${count}`);
  const total = plan.sources.reduce((n, s) => n + s.pages, 0);
  const boundary = (k: number) => {
    // The first source whose pages start at or after k/count of the edition.
    let pages = 0;
    for (const [i, s] of plan.sources.entries()) {
      if (pages >= (total * k) / count) return i;
      pages += s.pages;
    }
    return plan.sources.length;
  };
  return [boundary(index - 1), boundary(index)];
}

/** What a shard writes next to its part.pdf. */
interface Part {
  version: number;
  shard: { index: number; count: number };
  plan: string;
  views: PageView[];
  pass: LayoutPassResult;
  proof: { head: string; pages: string[] };
  diagnostics: Diagnostic[];
  problems: PageProblem[];
  sources: string[];
  files: Record<string, string>;
  date: string;
  title: string;
  /** Where the shard wrote its proofs and where zhuanban was installed: links in the proofs are relative to them. */
  proofDir: string;
  packageRoot: string;
  /** Photos placed on the shard's pages, and (every shard has them) photos no figure took. */
  photos: NonNullable<EditionParts['photos']>;
}

/** Build shard `index` of `count` from the plan into `outDir` (part.pdf and part.json). */
export async function buildShard(
  ctx: Context,
  options: {
    config: Config;
    planPath: string;
    index: number;
    count: number;
    outDir: string;
    jobs?: number;
    batchSources?: number;
  },
): Promise<{ pages: number }> {
  const { config } = options;
  const planBytes = await ctx.readFile(options.planPath);
  const plan = await readPlan(ctx, options.planPath);
  const [start, end] = shardRange(plan, options.index, options.count);
  const planned = plan.sources.slice(start, end);
  const sources = planned.map((s) => resolve(ctx.root, s.path));
  // Any source changed since the plan may move every later page, so every shard checks them all.
  for (const s of plan.sources)
    if (sha256(await ctx.readFile(resolve(ctx.root, s.path)).catch(() => new Uint8Array())) !== s.sha256)
      throw new ShardError(`${s.path} changed since the plan was made; run \`zhuanban plan\` again`);
  const timings: Record<string, number> = {};
  const time = stageTimer(ctx, timings);
  const launching = launchBrowser(config.timeoutMs);
  launching.catch(() => {});
  try {
    const edition = { ...(await prepareEdition(ctx, { config, sources, time })), date: new Date(plan.date) };
    const session = await launching;
    const printed = planned.length
      ? await layoutAndPrint(ctx, session, edition, {
          config,
          proofDir: join(options.outDir, 'proof'),
          time,
          jobs: options.jobs ?? defaultJobs(),
          batchSources: options.batchSources,
          numbering: {
            firstPage: planned[0]!.firstPage,
            folios: plan.folios,
            firstIndex: plan.sources.slice(0, start).reduce((n, s) => n + s.pages, 0),
          },
        })
      : null;
    for (const [i, s] of planned.entries())
      if (printed && printed.pagesPerSource[i] !== s.pages)
        throw new ShardError(
          `${s.path} made up to ${printed.pagesPerSource[i]} pages, the plan says ${s.pages}; run \`zhuanban plan\` again with the same config`,
        );
    const pdf = !printed?.pdfs.length
      ? new Uint8Array()
      : printed.pdfs.length === 1
        ? printed.pdfs[0]!
        : await mergePdfs(printed.pdfs);
    const part: Part = {
      version: PART_VERSION,
      shard: { index: options.index, count: options.count },
      plan: sha256(planBytes),
      views: printed?.views ?? [],
      pass: printed?.pass ?? { overfull: -1, keepShare: 1, placements: [], inspected: [] },
      proof: printed?.proof ?? { head: '', pages: [] },
      diagnostics: [...edition.diagnostics, ...(printed?.diagnostics ?? [])],
      problems: session.problems,
      sources: sources.map((s) => relative(ctx.root, s)),
      files: Object.fromEntries(edition.docs.map((d) => [d.source, edition.fileOf(d.source)])),
      date: plan.date,
      title: edition.title,
      proofDir: resolve(options.outDir, 'proof'),
      packageRoot: ctx.packageRoot,
      photos: { placed: printed?.photos ?? [], unused: edition.unusedPhotos },
    };
    await ctx.writeFileAtomic(join(options.outDir, 'part.pdf'), pdf);
    await ctx.writeFileAtomic(join(options.outDir, 'part.json'), `${JSON.stringify(part)}\n`);
    return { pages: part.views.length };
  } finally {
    await (await launching.catch(() => null))?.close();
  }
}

/** Join the shards' parts (any order on the command line) into the edition in `outDir`. */
export async function mergeShards(
  ctx: Context,
  options: { config: Config; partDirs: string[]; outDir: string; pressReady?: boolean; marks?: boolean },
): Promise<BuildResult> {
  const parts: { part: Part; pdf: Uint8Array; dir: string }[] = [];
  for (const dir of options.partDirs) {
    let part: Part;
    try {
      part = JSON.parse(new TextDecoder().decode(await ctx.readFile(join(dir, 'part.json')))) as Part;
    } catch (error) {
      throw new ShardError(
        `${relative(ctx.root, dir) || dir}: no readable part.json (${(error as Error).message}); is it a shard's output folder?`,
      );
    }
    if (part.version !== PART_VERSION)
      throw new ShardError(`${relative(ctx.root, dir)}: part.json from another zhuanban version`);
    parts.push({ part, pdf: await ctx.readFile(join(dir, 'part.pdf')), dir });
  }
  if (!parts.length) throw new ShardError("merge: give the shards' output folders");
  parts.sort((a, b) => a.part.shard.index - b.part.shard.index);
  const count = parts[0]!.part.shard.count;
  const have = parts.map((p) => p.part.shard.index);
  const missing = [...Array(count).keys()].map((i) => i + 1).filter((i) => !have.includes(i));
  if (missing.length || have.length !== count)
    throw new ShardError(
      `merge: shards ${missing.length ? `${missing.join(', ')} missing` : 'given twice'} (expected 1…${count})`,
    );
  if (parts.some((p) => p.part.plan !== parts[0]!.part.plan || p.part.shard.count !== count))
    throw new ShardError('merge: the shards were built from different plans');
  const timings: Record<string, number> = {};
  const files = new Map(parts.flatMap((p) => Object.entries(p.part.files)));
  const proofDir = resolve(options.outDir, 'proof');
  const all = parts.map(({ part, dir }) => {
    const link = (html: string) => relink(html, part, dir, ctx.packageRoot, proofDir);
    return { ...part, proof: { head: link(part.proof.head), pages: part.proof.pages.map(link) } };
  });
  return writeEdition(ctx, {
    config: options.config,
    outDir: options.outDir,
    pdfs: parts.filter((p) => p.pdf.length).map((p) => p.pdf),
    views: all.flatMap((p) => p.views),
    pass: {
      overfull: -1,
      keepShare: 1,
      placements: all.flatMap((p) => p.pass.placements),
      inspected: all.flatMap((p) => p.pass.inspected),
    },
    proof: { head: all.find((p) => p.proof.head)?.proof.head ?? '', pages: all.flatMap((p) => p.proof.pages) },
    diagnostics: all.flatMap((p) => p.diagnostics),
    problems: all.flatMap((p) => p.problems),
    sources: all.flatMap((p) => p.sources.map((s) => resolve(ctx.root, s))),
    fileOf: (s) => files.get(s) ?? s,
    date: new Date(all[0]!.date),
    title: all[0]!.title,
    pressReady: options.pressReady,
    marks: options.marks,
    timings,
    time: stageTimer(ctx, timings),
    photos: { placed: all.flatMap((p) => p.photos.placed), unused: [...new Set(all.flatMap((p) => p.photos.unused))] },
  });
}

/**
 * Links in a shard's proof HTML (fonts, styles, photos) are relative to the shard's proof folder, on the
 * shard's machine: point them from the merged proof folder to the same files: in the shard's folder as
 * given to merge (`partDir`, its photos), under this installation (fonts, styles), else where they were.
 */
function relink(html: string, part: Part, partDir: string, packageRoot: string, proofDir: string): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, attr: string, url: string) => {
    if (!url || /^[a-z][a-z0-9+.-]*:|^[/#]/i.test(url)) return whole;
    const [path, rest] = [url.replace(/[?#].*$/, ''), url.slice(url.replace(/[?#].*$/, '').length)];
    const target = resolve(part.proofDir, path);
    const inProof = relative(part.proofDir, target);
    const inPackage = relative(part.packageRoot, target);
    const local = !inProof.startsWith('..')
      ? join(partDir, 'proof', inProof)
      : !inPackage.startsWith('..')
        ? join(packageRoot, inPackage)
        : target;
    return `${attr}="${relative(proofDir, local).split(sep).join('/')}${rest}"`;
  });
}
