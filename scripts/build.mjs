#!/usr/bin/env node
// `npm run build` (and `npm pack` through prepack): compile src/ to dist/ with tsc (the library and its
// types), copy the files that are not TypeScript (the in-page script, the preview client) beside the
// compiled modules, bundle the CLI with esbuild into dist/bundle/ (what bin/zhuanban.mjs runs: one file
// per command instead of some 500 modules, so a build starts about 0.25 s of CPU sooner), and stamp the
// build so bin/zhuanban.mjs can tell a fresh dist/ from a stale one.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

// The stamp carries the time the build started: a source saved while tsc runs counts as newer.
const started = new Date();
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });

let copied = 0;
function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (!entry.name.endsWith('.ts')) {
      cpSync(path, join(dist, relative(src, path)));
      copied++;
    }
  }
}
copyAssets(src);

// Modules find their files from import.meta.url: the package root two folders up (io/context.ts,
// cli/main.ts), the in-page script and the preview client beside them (layout/measure.ts,
// preview/server.ts). The bundle sits two folders down too, with those assets copied beside it, so the
// same paths hold from src/, dist/ and the bundle. puppeteer-core is bundled (half its start-up);
// puppeteer (it reads its settings file by its own path, and is loaded only to find its own download)
// and sharp (native) stay packages of their own, and so does jsonc-parser (its UMD build requires its
// own files at run time, which a bundle cannot follow).
const bundle = join(dist, 'bundle');
await build({
  entryPoints: [join(src, 'cli', 'main.ts')],
  outdir: bundle,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['puppeteer', 'sharp', 'chokidar', 'jsonc-parser'],
  // Bundled CommonJS packages (pdf-lib, handlebars…) call require for Node's own modules.
  banner: {
    js: "import { createRequire as zbCreateRequire } from 'node:module'; const require = zbCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
cpSync(join(src, 'layout', 'inpage'), join(bundle, 'inpage'), { recursive: true });
cpSync(join(src, 'preview', 'client'), join(bundle, 'client'), { recursive: true });
const stamp = join(dist, '.build-stamp');
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
process.stderr.write(`zhuanban build: dist/ compiled, ${copied} asset files copied, the CLI bundled\n`);
