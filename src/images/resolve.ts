/**
 * Finds each figure's photo (the images stage, before make-up). A source NAME.txt or NAME.md keeps its
 * photos in the folder NAME/ beside it: a photo named after a figure's caption goes to that figure, the
 * others fill the figures still without one in reading order, and what is left is reported. A Markdown
 * image path is relative to the .md file. Nothing outside the project is read and no URL is fetched:
 * such a reference is refused with an error at its line.
 */
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, Figure, ZbDocument } from '../ast/types.js';
import type { Context } from '../io/context.js';
import { isPhotoName, namesCaption, photoKey, stemOf } from './names.js';
import { InputError } from '../io/input-error.js';
import { photoReadLimit, probePhoto, UnreadableImage } from './probe.js';

/** The crop keeps the centre unless the editor says otherwise. */
export const DEFAULT_FOCUS: [number, number] = [0.5, 0.5];

/** What the images stage found, for the diagnostics and report.json. */
export interface PhotoFindings {
  diagnostics: Diagnostic[];
  /** Photos in a photo folder that no figure took (paths relative to the project). */
  unused: string[];
}

/** One parsed source: its absolute path and tree. */
export interface ParsedSource {
  path: string;
  tree: ZbDocument;
}

/** Any URL scheme (`http:`, `file:`, `data:`…); a Windows drive letter is a scheme too and refused alike. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const FOCUS_FRAGMENT = /#focus=([\d.]+),([\d.]+)$/;

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Attach a probed photo to every figure that has one; every refusal and miss becomes a diagnostic. */
export async function attachPhotos(ctx: Context, sources: ParsedSource[]): Promise<PhotoFindings> {
  const findings: PhotoFindings = { diagnostics: [], unused: [] };
  const realRoot = await ctx.realPath(ctx.root);
  for (const source of sources) await attachForSource(ctx, realRoot, source, findings);
  return findings;
}

async function attachForSource(
  ctx: Context,
  realRoot: string,
  source: ParsedSource,
  findings: PhotoFindings,
): Promise<void> {
  const file = relative(ctx.root, source.path);
  const figures = source.tree.articles.flatMap((a) => a.children.filter((c): c is Figure => c.type === 'figure'));
  const report = (ruleId: string, severity: Diagnostic['severity'], line: number, message: string) =>
    findings.diagnostics.push({ ruleId, severity, line, column: 1, file, message });
  const used = new Set<string>();
  for (const figure of figures.filter((f) => f.src)) {
    const line = figure.position?.start.line ?? 1;
    const real = await referencedPhoto(
      ctx,
      realRoot,
      source.path,
      figure.src!,
      (m) => report('image-refused', 'error', line, m),
      (m) => report('missing-image', 'error', line, m),
    );
    if (!real) continue;
    used.add(real.path);
    await attach(ctx, figure, real.path, real.focus, (m) => report('unreadable-image', 'error', line, m));
  }
  const folder = join(dirname(source.path), stemOf(basename(source.path)));
  const candidates = (await folderPhotos(ctx, realRoot, folder, (m) => report('image-refused', 'error', 1, m))).filter(
    (p) => !used.has(p),
  );
  const open = figures.filter((f) => !f.src);
  const assign = (figure: Figure, path: string) => {
    candidates.splice(candidates.indexOf(path), 1);
    open.splice(open.indexOf(figure), 1);
    return attach(ctx, figure, path, undefined, (m) =>
      report('unreadable-image', 'error', figure.position?.start.line ?? 1, m),
    );
  };
  // Exact names first, then shortened ones, then whatever is left in reading order.
  for (const exact of [true, false])
    for (const figure of [...open]) {
      const match = candidates.find((p) =>
        exact
          ? photoKey(stemOf(basename(p))) === photoKey(figure.caption)
          : namesCaption(stemOf(basename(p)), figure.caption),
      );
      if (match) await assign(figure, match);
    }
  while (open.length && candidates.length) await assign(open[0]!, candidates[0]!);
  for (const path of candidates) {
    const rel = relative(ctx.root, path);
    findings.unused.push(rel);
    report(
      'unused-photo',
      'warning',
      1,
      `photo ${rel} has no figure to go to (the source has ${figures.length} figure${figures.length === 1 ? '' : 's'}); name it after a caption or add a figure`,
    );
  }
}

/** Resolve a Markdown image reference; null (after a diagnostic) when refused or missing. */
async function referencedPhoto(
  ctx: Context,
  realRoot: string,
  sourcePath: string,
  src: string,
  refuse: (m: string) => void,
  missing: (m: string) => void,
): Promise<{ path: string; focus: [number, number] | undefined } | null> {
  const fragment = FOCUS_FRAGMENT.exec(src);
  const target = fragment ? src.slice(0, fragment.index) : src;
  if (SCHEME.test(target)) {
    refuse(`image “${target}” refused: a build reads only files inside the project, never a URL`);
    return null;
  }
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    /* a literal % in a file name */
  }
  const path = resolve(dirname(sourcePath), decoded);
  if (!inside(resolve(ctx.root), path)) {
    refuse(`image “${target}” refused: it lies outside the project folder`);
    return null;
  }
  let real: string;
  try {
    real = await ctx.realPath(path);
  } catch {
    missing(`image “${target}” not found (looked for ${relative(ctx.root, path)})`);
    return null;
  }
  if (!inside(realRoot, real)) {
    refuse(`image “${target}” refused: a link that leads outside the project folder`);
    return null;
  }
  return { path: real, focus: fragment ? focusPair(fragment[1]!, fragment[2]!) : undefined };
}

/** Photos in a source's photo folder, in name order; links leading out of the project are refused. */
async function folderPhotos(
  ctx: Context,
  realRoot: string,
  folder: string,
  refuse: (m: string) => void,
): Promise<string[]> {
  let names: string[];
  try {
    names = await ctx.listDir(folder);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names.filter(isPhotoName)) {
    const real = await ctx.realPath(join(folder, name)).catch(() => null);
    if (!real) continue;
    if (!inside(realRoot, real))
      refuse(`photo ${relative(ctx.root, join(folder, name))} refused: a link that leads outside the project folder`);
    else out.push(real);
  }
  return out.sort((a, b) => basename(a).localeCompare(basename(b), 'zh-CN', { numeric: true }));
}

function focusPair(x: string, y: string): [number, number] | undefined {
  const pair = [Number(x), Number(y)] as [number, number];
  return pair.every((v) => Number.isFinite(v) && v >= 0 && v <= 1) ? pair : undefined;
}

/** A sidecar `photo.jpg.json` beside the photo may give `{"focus": [x, y]}` (fractions of width and height). */
async function sidecarFocus(ctx: Context, realRoot: string, photoPath: string): Promise<[number, number] | undefined> {
  const sidecar = `${photoPath}.json`;
  try {
    const real = await ctx.realPath(sidecar);
    if (!inside(realRoot, real)) return undefined;
    const data = JSON.parse(new TextDecoder().decode(await ctx.readFile(real))) as { focus?: unknown };
    const focus = typeof data.focus === 'string' ? data.focus.split(',') : data.focus;
    return Array.isArray(focus) && focus.length === 2 ? focusPair(String(focus[0]), String(focus[1])) : undefined;
  } catch {
    return undefined;
  }
}

async function attach(
  ctx: Context,
  figure: Figure,
  path: string,
  focus: [number, number] | undefined,
  unreadable: (m: string) => void,
): Promise<void> {
  const chosen = focus ?? (await sidecarFocus(ctx, await ctx.realPath(ctx.root), path)) ?? DEFAULT_FOCUS;
  try {
    figure.photo = await probePhoto(
      await ctx.readUserFile(path, photoReadLimit(relative(ctx.root, path))),
      path,
      chosen,
    );
  } catch (error) {
    if (error instanceof InputError) unreadable(error.message);
    else if (error instanceof UnreadableImage)
      unreadable(
        `photo ${relative(ctx.root, path)} cannot be read as an image (${error.message}); ${extname(path)} files must be JPEG, PNG, WebP or TIFF`,
      );
    else throw error;
  }
}
