/**
 * `zhuanban build [sources…]`: the main job. Writes output/edition.pdf, the HTML proofs and
 * output/report.json; prints diagnostics with vfile-reporter; `--strict` fails on overset or underfill.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { nodeContext } from '../io/context.js';
import { buildEdition, resolveSources, SourceError, strictFailures } from '../pipeline/index.js';
import { createProgress } from './progress.js';
import { printDiagnostics } from './diagnostics.js';
import { UsageError } from './errors.js';
import { checkOutputFolder } from '../io/output-folder.js';

/** Register the build command. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the edition PDF, HTML proofs and report.json (default input: seeds/)')
    .argument('[sources...]', 'source files or folders (.txt raw extraction or .md clean source)')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--strict', 'exit 1 when any page has overset text or falls below the fill target')
    .option('--press-ready', 'also write output/edition-pdfx.pdf (PDF/X, CMYK) with Ghostscript')
    .option('--no-marks', 'omit crop and registration marks (screen proofs)')
    .option('-q, --quiet', 'no progress display')
    .action(async (sources: string[], opts: { out: string; strict?: boolean; pressReady?: boolean; marks: boolean; quiet?: boolean }) => {
      const root = process.cwd();
      const config = await loadConfig(root);
      let paths: string[];
      try {
        paths = await resolveSources(root, config, sources);
      } catch (error) {
        if (error instanceof SourceError) throw new UsageError(error.message);
        throw error;
      }
      const outDir = resolve(root, opts.out);
      // Before Chromium starts: an output folder that cannot be one is the user's to fix (exit 2).
      await checkOutputFolder(outDir, opts.out);
      const ctx = nodeContext(root, createProgress({ quiet: opts.quiet }));
      const { report, pdfPath } = await buildEdition(ctx, { config, sources: paths, outDir, pressReady: opts.pressReady, marks: opts.marks && config.marks });
      printDiagnostics(report.diagnostics, root);
      for (const p of report.browserProblems) process.stderr.write(`zhuanban: browser ${p.kind}: ${p.message} (${p.url})\n`);
      const summary = report.pages.map((p) => `${p.number}版 fill ${(p.fill * 100).toFixed(1)}% overset ${p.oversetChars}`).join('; ');
      process.stderr.write(`zhuanban: wrote ${pdfPath} (${report.pages.length} pages: ${summary})\n`);
      const failures = strictFailures(report);
      if (opts.strict && failures.length) {
        for (const f of failures) process.stderr.write(`zhuanban: strict: ${f}\n`);
        process.exitCode = 1;
      }
    });
}
