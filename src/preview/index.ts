/**
 * `zhuanban preview`: one Chromium kept alive for the session, a watcher, a rebuild loop and a
 * loopback HTTP server tied together. `startPreview` returns once the server listens (the first
 * build runs in the background; the viewer shows it when ready); `close()` stops everything.
 */
import { diagnosticMessage } from '../i18n/diagnostics.js';
import { catalogue, resolveLang } from '../i18n/index.js';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Context } from '../io/context.js';
import { buildEdition } from '../pipeline/index.js';
import { Rebuilder } from './rebuilder.js';
import { createPreviewServer } from './server.js';
import { MOUNTS } from './proof-links.js';
import { sourceEntries, watchProject } from './watch.js';

/** How the preview is started. */
export interface PreviewOptions {
  ctx: Context;
  sourceArgs: string[];
  port: number;
  host: string;
  log: (line: string) => void;
}

/** A running preview. */
export interface Preview {
  url: string;
  rebuilder: Rebuilder;
  /** Resolves after the first build (good or failed). */
  firstBuild: Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Start the preview server, watcher and first build. */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { ctx, log } = options;
  let hub: ReturnType<typeof createPreviewServer>['hub'] | null = null;
  const rebuilder = new Rebuilder(ctx, options.sourceArgs, (event, state) => {
    if (event === 'state') {
      const what = state.error
        ? `failed: ${state.error.file ?? ''}${state.error.line ? `:${state.error.line}` : ''} ${state.error.message.split('\n')[0]}`
        : `${state.pages.length} pages, ${state.diagnostics.length} diagnostics`;
      log(
        `rebuilt (${state.reason}) in ${state.buildMs} ms (${Object.entries(state.timings)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}): ${what}`,
      );
    }
    hub?.send(event, { version: state.version, cssVersion: state.cssVersion, building: state.building });
  });
  let pdfRunning: Promise<{ url: string; ms: number }> | null = null;
  const writePdf = () =>
    (pdfRunning ??= (async () => {
      const start = performance.now();
      await rebuilder.firstDone;
      if (!rebuilder.config) throw new Error(rebuilder.state.error?.message ?? 'no configuration');
      const { pdfPath } = await buildEdition(ctx, {
        config: rebuilder.config,
        sources: rebuilder.sources,
        outDir: join(ctx.root, 'output'),
      });
      log(`wrote ${pdfPath}`);
      return { url: `${MOUNTS.project}output/edition.pdf?t=${Date.now()}`, ms: Math.round(performance.now() - start) };
    })().finally(() => (pdfRunning = null)));
  let port = options.port;
  const created = createPreviewServer({
    roots: { project: ctx.root, package: ctx.packageRoot },
    state: () => {
      // Diagnostics in the project's language, as the command line prints them.
      const lang = resolveLang(rebuilder.config?.lang);
      const state = rebuilder.state;
      if (lang === 'en') return state;
      return { ...state, diagnostics: state.diagnostics.map((d) => ({ ...d, message: diagnosticMessage(d, lang) })) };
    },
    writePdf,
    messages: () => {
      const lang = resolveLang(rebuilder.config?.lang);
      return { lang, messages: catalogue(lang) };
    },
    allowedHosts: () =>
      LOOPBACK.has(options.host) ? new Set(['127.0.0.1', 'localhost', '[::1]'].map((h) => `${h}:${port}`)) : null,
  });
  hub = created.hub;
  const { server } = created;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host, () => done());
  });
  port = (server.address() as AddressInfo).port;
  const targets = () => ({
    root: ctx.root,
    sources: sourceEntries(ctx.root, options.sourceArgs, rebuilder.config?.sources),
    templatesDir: rebuilder.templatesDir(),
    stylesDir: join(ctx.packageRoot, 'styles'),
  });
  const watching = watchProject(targets, (kind, path) => {
    log(`changed: ${path.startsWith(ctx.root) ? path.slice(ctx.root.length + 1) : path}`);
    void rebuilder.request(kind).then(() => kind === 'config' && watching.refresh());
  });
  const firstBuild = rebuilder.request('config').then(() => watching.refresh());
  const hostPart = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostPart}:${port}/`,
    rebuilder,
    firstBuild,
    close: () =>
      (closing ??= (async () => {
        await watching.watcher.close();
        created.hub.close();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await rebuilder.close();
        await pdfRunning?.catch(() => {});
      })()),
  };
}
