/**
 * The script-facing entry points: the command line's work as plain async functions with defaults, so
 * a newsroom script can build an edition without a terminal, a progress bar or a context to assemble.
 */
import { resolve } from 'node:path';
import { validateConfig } from './config/load.js';
import type { Config, ConfigInput } from './config/schema.js';
import { nodeContext, type Progress } from './io/context.js';
import { type BuildResult, buildEdition as runPipeline, resolveSources } from './pipeline/index.js';

/** What a script asks `buildEdition` for; every field has the command line's default. */
export interface EditionOptions {
  /** The project folder (sources, templates and relative paths are resolved from it). Default: the working directory. */
  root?: string;
  /** The configuration (see `defineConfig` / `loadConfig`). Default: all defaults. */
  config?: Config;
  /** Source files or folders, relative to `root`. Default: the config's `sources`, else `seeds/`. */
  sources?: string[];
  /** Output folder, relative to `root`. Default: `output`. */
  outDir?: string;
  /** Also write the PDF/X press file (needs Ghostscript). */
  pressReady?: boolean;
  /** Crop and registration marks. Default: the config's `marks`. */
  marks?: boolean;
  /** Progress callbacks. Default: silent. */
  progress?: Progress;
}

const SILENT: Progress = { stage() {}, step() {}, done() {} };

/**
 * A typed configuration with defaults applied, as zhuanban.config.json would give it.
 * Throws ConfigError naming each wrong key.
 */
export function defineConfig(input: ConfigInput = {}): Config {
  return validateConfig(input, 'defineConfig()');
}

/** Build the edition PDF, proofs and report.json; resolves to the report and the PDF's path. */
export async function buildEdition(options: EditionOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd());
  const config = options.config ?? validateConfig({});
  const sources = await resolveSources(root, config, options.sources ?? []);
  const ctx = nodeContext(root, options.progress ?? SILENT);
  return runPipeline(ctx, {
    config,
    sources,
    outDir: resolve(root, options.outDir ?? 'output'),
    pressReady: options.pressReady,
    marks: options.marks ?? config.marks,
  });
}
