/**
 * Writes the build's files: the print-ready edition.pdf (post-processed after the browser closed),
 * the HTML proofs (one file for the edition, one per page), and the PDF/X variant on request.
 * Each file goes through a temp file and a rename, so an interrupted build leaves no half file.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import type { PageView } from '../render/view.js';
import { finishedPdf, makePdfX, type EditionMeta } from '../pdf/index.js';
import { preflight, preflightDocument } from '../preflight/index.js';
import { packProofAssets } from './proof-assets.js';
import type { Report } from './report.js';
import { dateLabel } from './pages.js';

/** Everything the output step needs. */
export interface OutputArgs {
  outDir: string;
  pdf: Uint8Array;
  proof: { head: string; pages: string[] };
  views: PageView[];
  report: Report;
  config: Config;
  date: Date;
  title: string;
  pressReady: boolean;
  marks: boolean;
  /** File URLs the printing page fetched: the proof copies only these fonts (all it needs). */
  fetched?: Set<string>;
  /** The proofs, already being written (while Chromium printed): awaited instead of written again. */
  proofsWritten?: Promise<void>;
}

/** The document data written into the PDF. */
export function editionMeta(
  args: Pick<OutputArgs, 'views' | 'config' | 'date' | 'title'>,
  buildTime: Date,
): EditionMeta {
  const { config, views } = args;
  return {
    title: args.title,
    author: config.paper,
    subject: `${config.section} ${dateLabel(args.date)}`,
    keywords: [
      config.paper,
      config.section,
      ...views.flatMap((v) => v.articles.map((a) => a.institution ?? '').filter(Boolean)),
    ].filter((k, i, all) => all.indexOf(k) === i),
    lang: 'zh-CN',
    producer: 'zhuanban (Chromium + pdf-lib)',
    date: buildTime,
    pages: views.map((v) => ({
      number: v.number,
      label: `第${v.number}版 ${v.section}`,
      articles: v.articles.map((a) => ({ headline: a.headline })),
    })),
  };
}

function proofDocument(head: string, pages: string[], lang = 'zh-CN'): string {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n${head}\n<body class="proof">\n${pages.join('\n')}\n</body>\n</html>\n`;
}

/**
 * Write the HTML proofs into `proofDir`: the edition and one file per page. They link their own copies
 * of the fonts, styles and photos (only the font files in `fetched`), so the folder opens anywhere.
 */
export async function writeProofs(
  ctx: Context,
  proofDir: string,
  proofHtml: { head: string; pages: string[] },
  fetched?: Set<string>,
): Promise<void> {
  const proof = await packProofAssets(ctx, proofDir, proofHtml, fetched);
  await ctx.writeFileAtomic(join(proofDir, 'index.html'), proofDocument(proof.head, proof.pages));
  for (const [i, page] of proof.pages.entries())
    await ctx.writeFileAtomic(
      join(proofDir, `page-${String(i + 1).padStart(2, '0')}.html`),
      proofDocument(proof.head, [page]),
    );
}

/** Write all outputs; returns the edition PDF's path. */
export async function writeOutputs(ctx: Context, args: OutputArgs): Promise<string> {
  const proofDir = join(args.outDir, 'proof');
  await (args.proofsWritten ?? writeProofs(ctx, proofDir, args.proof, args.fetched));
  // The measuring documents of the make-up's pages (one per concurrent page).
  for (const name of (await readdir(proofDir)).filter((n) => /^\.edition(-\d+)?\.html$/.test(n)))
    await rm(join(proofDir, name), { force: true });
  const meta = editionMeta(args, ctx.now());
  const finished = await finishedPdf(args.pdf, meta, {
    bleedMm: args.config.bleed,
    marks: args.marks,
    trimMm: { width: args.report.trim.widthMm, height: args.report.trim.heightMm },
  });
  const pdfPath = join(args.outDir, 'edition.pdf');
  await ctx.writeFileAtomic(pdfPath, finished.bytes);
  args.report.outputs = { pdf: 'edition.pdf', proof: 'proof/index.html' };
  // The build preflights its own output the way a print shop would: the document it has just written.
  const trim = { width: args.report.trim.widthMm, height: args.report.trim.heightMm };
  const checks: Record<string, unknown> = {
    edition: preflightDocument(pdfPath, finished.doc, finished.bytes, {
      trimMm: trim,
      bleedMm: args.config.bleed,
      press: false,
    }),
  };
  args.report.preflight = checks;
  if (args.pressReady) {
    const pdfx = join(args.outDir, 'edition-pdfx.pdf');
    const tmp = `${pdfx}.${process.pid}.tmp`;
    try {
      // What Ghostscript warned about (e.g. content it could not convert) goes to the report, not lost.
      const { warnings } = await makePdfX(pdfPath, tmp, meta, { timeoutMs: args.config.timeoutMs });
      if (warnings.length) checks.ghostscriptWarnings = warnings;
      await ctx.writeFileAtomic(pdfx, await ctx.readFile(tmp));
    } finally {
      await rm(tmp, { force: true });
    }
    args.report.outputs.pdfx = 'edition-pdfx.pdf';
    checks.pdfx = await preflight(pdfx, { trimMm: trim, bleedMm: args.config.bleed, press: true });
  }
  return pdfPath;
}
