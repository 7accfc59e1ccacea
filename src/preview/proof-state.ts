/**
 * What the viewer shows: the laid-out pages (the HTML that prints, links mapped to the preview's
 * mounts), their make-up figures, every diagnostic with file:line, and the last failure. Built from
 * `layoutEdition`'s result so the preview and the PDF share templates, styles and make-up.
 */
import type { InspectedPage } from '../layout/measure.js';
import type { Diagnostic } from '../ast/types.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import { buildReport, type LaidOutEdition, type PageProblem } from '../pipeline/index.js';
import type { BuildFailure } from './build-error.js';
import { rewriteLinks } from './proof-links.js';

/** One page as the viewer shows it. */
export interface ProofPage extends Omit<InspectedPage, 'modules'> {
  /** Source basename, as in the page's data-source. */
  source: string;
  /** Source path relative to the project. */
  file: string;
  html: string;
  headlines: string[];
}

/** The state served at /__zb/state; `version` grows with every finished build. */
export interface ProofState {
  version: number;
  building: boolean;
  error: BuildFailure | null;
  head: string;
  /** Bumped when styles/print.css changes, so the viewer can reload it before the re-layout ends. */
  cssVersion: number;
  pages: ProofPage[];
  diagnostics: Diagnostic[];
  problems: PageProblem[];
  timings: Record<string, number>;
  buildMs: number;
  reason: string;
}

/** An empty state before the first build. */
export function emptyState(): ProofState {
  return {
    version: 0,
    building: true,
    error: null,
    head: '',
    cssVersion: 0,
    pages: [],
    diagnostics: [],
    problems: [],
    timings: {},
    buildMs: 0,
    reason: 'start',
  };
}

/** Turn a laid-out edition into the viewer's pages and diagnostics. */
export function proofFromLayout(
  laid: LaidOutEdition,
  args: {
    ctx: Context;
    config: Config;
    sources: string[];
    proofDir: string;
    problems: PageProblem[];
    timings: Record<string, number>;
    cssVersion: number;
  },
): Pick<ProofState, 'head' | 'pages' | 'diagnostics' | 'problems'> {
  const roots = { project: args.ctx.root, package: args.ctx.packageRoot };
  const diagnostics = laid.diagnostics.map((d) => ({ ...d }));
  // buildReport adds the make-up's own messages (overset, widows, photo slots) to the list it is given.
  const report = buildReport({
    config: args.config,
    sheet: laid.sheet,
    views: laid.views,
    pass: laid.pass,
    diagnostics,
    timings: args.timings,
    problems: args.problems,
    sources: args.sources,
    ctx: args.ctx,
    fileOf: laid.fileOf,
  });
  const head = rewriteLinks(laid.proof.head, args.proofDir, roots).replace(
    /(\/_package\/styles\/print\.css|\/_project\/styles\/print\.css)"/,
    `$1?v=${args.cssVersion}"`,
  );
  const pages = laid.views.map((view, i): ProofPage => {
    const r = report.pages[i]!;
    return {
      number: view.number,
      source: view.source,
      file: laid.fileOf(view.source),
      html: rewriteLinks(laid.proof.pages[i] ?? '', args.proofDir, roots),
      headlines: view.articles.map((a) => a.headline),
      fill: r.fill,
      oversetChars: r.oversetChars,
      widows: r.widows,
      orphans: r.orphans,
      singleCharLines: r.singleCharLines,
      unbalancedModules: r.unbalancedModules,
    };
  });
  return { head, pages, diagnostics: report.diagnostics, problems: report.browserProblems };
}
