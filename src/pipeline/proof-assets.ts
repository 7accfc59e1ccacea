/**
 * The proof folder travels: output/proof/ gets its own copies of the fonts, styles and photos the
 * page loaded (in proof/assets/), and its links point there, so the folder can be zipped and opened
 * anywhere. Only what Chromium actually fetched is copied: the @font-face rules of font slices the
 * edition never used are dropped with their files, which keeps the folder small.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from '../io/context.js';

/** The proof as serialised from the page: its head and one HTML fragment per page. */
export interface ProofHtml {
  head: string;
  pages: string[];
}

const LINK = /\b(href|src)="([^"]*)"/g;
const FONT_FACE = /@font-face\s*\{[^}]*\}/g;
const CSS_URL = /url\((['"]?)([^'")]+)\1\)/g;
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i;

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** Where an asset goes inside proof/assets/, keeping folder structure so a stylesheet's relative urls stay right. */
function assetPath(ctx: Context, file: string): string | null {
  const bases: [string, string][] = [
    [join(ctx.packageRoot, 'node_modules'), 'fonts'],
    [join(ctx.packageRoot, 'styles'), 'styles'],
    [join(ctx.cacheDir, 'images'), 'images'],
    [ctx.root, 'project'],
  ];
  for (const [base, name] of bases) if (inside(base, file)) return join(name, relative(base, file));
  return null;
}

/** Whether an @font-face rule's unicode-range (all of Unicode when it has none) covers any printed code point. */
function coversAny(block: string, printed: Set<number>): boolean {
  const range = /unicode-range\s*:\s*([^;}]*)/i.exec(block);
  if (!range) return true;
  const spans = range[1]!.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const wild = (v: string, fill: string) => Number.parseInt(v.replace(/\?/g, fill), 16);
    return [wild(from!, '0'), to ? Number.parseInt(to, 16) : wild(from!, 'F')] as const;
  });
  for (const c of printed) if (spans.some(([a, b]) => c >= a && c <= b)) return true;
  return false;
}

/** Copy every linked asset into `proofDir/assets` and rewrite the links; `fetched` holds the file URLs the page loaded. */
export async function packProofAssets(
  ctx: Context,
  proofDir: string,
  proof: ProofHtml,
  fetched?: Set<string>,
): Promise<ProofHtml> {
  const assetsDir = join(proofDir, 'assets');
  const printed = new Set([...proof.pages.join('').replace(/<[^>]*>/g, '')].map((c) => c.codePointAt(0)!));
  const copied = new Map<string, string | null>();
  const copy = async (file: string): Promise<string | null> => {
    if (copied.has(file)) return copied.get(file)!;
    const name = assetPath(ctx, file);
    copied.set(file, name);
    if (!name) return null;
    const target = join(assetsDir, name);
    if (file.endsWith('.css')) await ctx.writeFileAtomic(target, await packStylesheet(file, fetched, copy));
    else await ctx.writeFileAtomic(target, await ctx.readFile(file));
    return name;
  };
  const rewrite = async (html: string): Promise<string> => {
    const links = [...html.matchAll(LINK)].map((m) => m[2]!).filter((v) => v && !ABSOLUTE.test(v));
    const map = new Map<string, string>();
    for (const link of new Set(links)) {
      const name = await copy(resolve(proofDir, decodeURIComponent(link.replace(/&amp;/g, '&'))));
      if (name) map.set(link, ['assets', ...name.split(sep)].map(encodeURIComponent).join('/'));
    }
    return html.replace(LINK, (whole, attr: string, value: string) =>
      map.has(value) ? `${attr}="${map.get(value)}"` : whole,
    );
  };
  const head = await rewrite(proof.head);
  const pages: string[] = [];
  for (const page of proof.pages) pages.push(await rewrite(page));
  return { head, pages };

  async function packStylesheet(
    file: string,
    loaded: Set<string> | undefined,
    copyRef: (f: string) => Promise<string | null>,
  ): Promise<string> {
    const css = new TextDecoder().decode(await ctx.readFile(file));
    const refs = (block: string) =>
      [...block.matchAll(CSS_URL)]
        .map((m) => m[2]!)
        .filter((r) => !ABSOLUTE.test(r))
        .map((r) => resolve(dirname(file), r));
    // A font slice the page never fetched (or, when that is not known, none of whose characters the proof
    // prints) is never needed by this proof: its rule and file stay behind.
    const needed = (block: string) =>
      loaded ? refs(block).some((f) => loaded.has(pathToFileURL(f).href)) : coversAny(block, printed);
    const kept = css.replace(FONT_FACE, (block) => (needed(block) ? block : ''));
    // Copied files keep their place relative to the stylesheet (assetPath keeps the folders), so each url() stays as written.
    for (const ref of refs(kept)) await copyRef(ref);
    return kept;
  }
}
