/**
 * A copy of the seeds in a temporary project with one Chromium, for tests that drive the make-up stage
 * directly: the set-up and the clean-up (browser closed, project removed) written once.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgress } from '../../src/cli/progress.js';
import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { type Context, nodeContext } from '../../src/io/context.js';
import { launchBrowser, layoutEdition, resolveSources } from '../../src/pipeline/index.js';
import { ROOT } from './cli.js';

type Session = Awaited<ReturnType<typeof launchBrowser>>;
type LayoutOptions = Parameters<typeof layoutEdition>[2];

/** What a make-up test gets: the project, its config and sources, the browser, and a layout call. */
export interface SeedsLayout {
  project: string;
  /** The build's context on the copy (files read through it). */
  ctx: Context;
  config: Config;
  session: Session;
  proofDir: string;
  /** Lays the seeds edition out (proofs in `proofDir` unless given), with stage timing switched off. */
  layout(extra?: Partial<LayoutOptions>): ReturnType<typeof layoutEdition>;
}

/** Runs `test` on a fresh copy of the seeds; Chromium is closed and the copy removed whatever happens. */
export async function withSeedsLayout<T>(test: (s: SeedsLayout) => Promise<T>): Promise<T> {
  const project = await mkdtemp(join(tmpdir(), 'zb-makeup-'));
  await cp(join(ROOT, 'seeds'), join(project, 'seeds'), { recursive: true });
  const ctx = { ...nodeContext(project, createProgress({ quiet: true })), packageRoot: ROOT };
  const config = await loadConfig(project);
  const session = await launchBrowser(config.timeoutMs);
  try {
    const sources = await resolveSources(project, config, []);
    const proofDir = join(project, 'proof');
    const time = async <R>(_stage: string, fn: () => Promise<R> | R) => fn();
    const layout = (extra: Partial<LayoutOptions> = {}) =>
      layoutEdition(ctx, session, { config, sources, proofDir, time, ...extra });
    return await test({ project, ctx, config, session, proofDir, layout });
  } finally {
    await session.close();
    await rm(project, { recursive: true, force: true });
  }
}
