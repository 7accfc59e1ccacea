#!/usr/bin/env node
// Entry point. Runs the bundled CLI in dist/bundle/ (`npm run build`; what the published package ships). In a
// checkout with no dist/, or with sources edited since the last build, it registers tsx and runs the
// TypeScript sources instead, so a stale build is never what runs.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const stamp = new URL('dist/.build-stamp', root);
const sources = new URL('src/', root);
const distMain = new URL('dist/bundle/main.js', root);

/** Newest modification time of any file under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

const compiled =
  existsSync(distMain) && (!existsSync(sources) || (existsSync(stamp) && statSync(stamp).mtimeMs >= newest(sources)));
let main;
if (compiled) ({ main } = await import('../dist/bundle/main.js'));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
