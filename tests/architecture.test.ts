/**
 * The shape of the code, read from the files themselves: the stages under src/ import each other
 * without cycles (a cycle between two folders means neither can be read, tested or replaced on its
 * own), and comments stand on their own (no citation of files that are not in the repository, or
 * of tracker issue numbers a reader cannot follow).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const CODE = /\.(ts|js|mjs|cjs)$/;

/** Every file under `dir` (skipping node_modules and hidden folders) whose name matches `pattern`. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

/** One relative import between files of src/. */
interface ImportEdge {
  from: string;
  to: string;
  /** `import type` / `export type`: erased at compile time, no module is loaded. */
  typeOnly: boolean;
}

/** Static imports, re-exports and dynamic `import()` of relative paths in one source text. */
function importsOf(text: string): { spec: string; typeOnly: boolean }[] {
  const found: { spec: string; typeOnly: boolean }[] = [];
  const statement = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(statement)) found.push({ spec: m[3]!, typeOnly: !!m[2] });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ spec: m[1]!, typeOnly: false });
  return found.filter((i) => i.spec.startsWith('.'));
}

/** The top folder of src/ a path belongs to (`src/pdf/boxes.ts` → `pdf`). */
const folderOf = (path: string) => relative(SRC, path).split(/[\\/]/)[0]!;

/** Every import between files of src/, resolved to paths. */
function importGraph(): ImportEdge[] {
  return filesUnder(SRC, CODE).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).map((i) => ({
      from: file,
      to: resolve(dirname(file), i.spec),
      typeOnly: i.typeOnly,
    })),
  );
}

/** Strongly connected groups of more than one folder (Tarjan), i.e. the folder-level import cycles. */
function folderCycles(edges: { from: string; to: string }[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    if (!next.has(e.from)) next.set(e.from, new Set());
    if (!next.has(e.to)) next.set(e.to, new Set());
    next.get(e.from)!.add(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return groups;
}

describe('import graph of src/', () => {
  const edges = importGraph();
  const between = edges
    .map((e) => ({ ...e, from: folderOf(e.from), to: folderOf(e.to) }))
    .filter((e) => e.from !== e.to);

  it('reads imports the way TypeScript writes them', () => {
    const text =
      "import type { A } from './a.js';\nimport {\n  b,\n} from '../b/b.js';\nexport { c } from './c.js';\nconst d = await import('./d.js');\nimport x from 'pkg';";
    expect(importsOf(text)).toEqual([
      { spec: './a.js', typeOnly: true },
      { spec: '../b/b.js', typeOnly: false },
      { spec: './c.js', typeOnly: false },
      { spec: './d.js', typeOnly: false },
    ]);
    expect(
      folderCycles([
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'd' },
      ]),
    ).toEqual([['a', 'b', 'c']]);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('has no import cycle between folders (type-only imports included)', () => {
    const cycles = folderCycles(between);
    const explain = cycles.map(
      (group) =>
        `${group.join(' ↔ ')}: ${between
          .filter((e) => group.includes(e.from) && group.includes(e.to))
          .map((e) => `${e.from} → ${e.to}`)
          .join(', ')}`,
    );
    expect(explain).toEqual([]);
  });

  it('lets every other folder use the pipeline only through its public API (src/pipeline/index.ts)', () => {
    const api = join(SRC, 'pipeline', 'index');
    const inside = edges.filter(
      (e) => folderOf(e.to) === 'pipeline' && folderOf(e.from) !== 'pipeline' && e.to.replace(/\.[jt]s$/, '') !== api,
    );
    expect(inside.map((e) => `${relative(ROOT, e.from)} → ${relative(ROOT, e.to)}`)).toEqual([]);
  });

  it('keeps the PDF writer (src/pdf) and the checker (src/preflight) apart: both read PDFs through src/pdf-read', () => {
    const crossing = between.filter((e) => !e.typeOnly && [e.from, e.to].sort().join() === 'pdf,preflight');
    expect(crossing.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
    expect(between.some((e) => e.from === 'pdf' && e.to === 'pdf-read')).toBe(true);
    expect(between.some((e) => e.from === 'preflight' && e.to === 'pdf-read')).toBe(true);
  });
});

describe('comments stand on their own', () => {
  // Built from parts so this file does not match itself.
  const outside = new RegExp(
    `${['REFERENCE', 'DEVELOPERS'].map((n) => `\\b${n}\\.md`).join('|')}|seeds-expected|shared/notes`,
    'i',
  );
  const issue = new RegExp(['iss', 'ue #?\\d+'].join(''), 'i');
  const self = fileURLToPath(import.meta.url);
  const files = [
    ...['src', 'tests', 'scripts', 'templates', 'styles', 'docs', 'bin'].flatMap((d) =>
      filesUnder(join(ROOT, d), /\.(ts|js|mjs|cjs|css|hbs|html|md|sh)$/),
    ),
    join(ROOT, 'README.md'),
  ].filter(
    (f) => f !== self && !f.includes(`${join('tests', 'fixtures')}`) && !f.includes(join('tests', 'parse', 'data')),
  );

  it('cites no file outside the repository and no tracker issue number', () => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          outside.test(line) || issue.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(hits).toEqual([]);
  });
});
