/**
 * Watches what the proof is made of — sources, templates, styles, the config — and reports each
 * change with its kind (rebuilder.ts decides what to redo). Path-based filtering keeps chokidar off
 * node_modules/ and output/; a short debounce folds an editor's write+rename into one change.
 */
import { dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { CONFIG_FILE } from '../config/load.js';
import type { ChangeKind } from './rebuilder.js';

/** Where to look; recomputed after a config change. */
export interface WatchTargets {
  root: string;
  /** Source folders and files (as resolveSources reads them). */
  sources: string[];
  templatesDir: string;
  stylesDir: string;
}

/** The source entries a build would read: arguments, else the config's, else seeds/. */
export function sourceEntries(root: string, args: string[], configSources: string[] | undefined): string[] {
  return (args.length ? args : (configSources ?? ['seeds'])).map((e) => (isAbsolute(e) ? e : resolve(root, e)));
}

/**
 * Quiet time after a file's last event before it counts as changed: an editor's save (truncate and
 * write, or write a temporary file and rename it) raises its events well within it, and every
 * millisecond of it is added to each save's way to the screen.
 */
const DEBOUNCE_MS = 10;

const inside = (dir: string, path: string) => path === dir || path.startsWith(dir + sep);

/** The kind of change a file event means, or null when the file does not matter. */
export function classify(path: string, event: string, t: WatchTargets): ChangeKind | null {
  if (path === join(t.root, CONFIG_FILE)) return 'config';
  if (dirname(path) === t.stylesDir && extname(path) === '.css') return 'style';
  if (inside(t.templatesDir, path) && extname(path) === '.hbs') return 'template';
  const ext = extname(path).toLowerCase();
  for (const entry of t.sources) {
    if (path === entry) return 'source';
    if (dirname(path) === entry && (ext === '.txt' || ext === '.md')) return event === 'change' ? 'source' : 'sources';
  }
  return null;
}

/** Start watching; `onChange` gets each debounced kind. Close the returned watcher when done. */
export function watchProject(
  getTargets: () => WatchTargets,
  onChange: (kind: ChangeKind, path: string) => void,
): { watcher: FSWatcher; refresh(): void } {
  const paths = () => {
    const t = getTargets();
    return [t.root, t.stylesDir, t.templatesDir, join(t.templatesDir, 'partials'), ...t.sources];
  };
  const keep = (p: string) => {
    const t = getTargets();
    const dirs = paths();
    // Keep watched folders, their ancestors up to the root, and files that classify.
    if (dirs.some((d) => d === p || inside(p, d))) return true;
    return classify(p, 'change', t) !== null || classify(p, 'add', t) !== null;
  };
  const watcher = watch(paths(), { ignoreInitial: true, depth: 1, ignored: (p: string) => !keep(resolve(p)) });
  const timers = new Map<string, NodeJS.Timeout>();
  for (const event of ['add', 'change', 'unlink'] as const) {
    watcher.on(event, (p: string) => {
      const path = resolve(p);
      const kind = classify(path, event, getTargets());
      if (!kind) return;
      clearTimeout(timers.get(path + kind));
      timers.set(
        path + kind,
        setTimeout(() => onChange(kind, path), DEBOUNCE_MS),
      );
    });
  }
  watcher.on('error', (e) => process.stderr.write(`zhuanban: preview: watch error: ${(e as Error).message}\n`));
  return { watcher, refresh: () => watcher.add(paths()) };
}
