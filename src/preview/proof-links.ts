/**
 * The proof HTML links fonts, styles and images relative to the folder it was laid out in. The
 * preview shows it at another URL, so each relative link is resolved on disk and mapped to one of the
 * two read-only mounts: /_project/ (the user's project) and /_package/ (zhuanban's styles and fonts).
 * A link that leads outside both is dropped rather than served.
 */
import { relative, resolve, sep } from 'node:path';

/** URL prefixes of the read-only mounts. */
export const MOUNTS = { project: '/_project/', package: '/_package/' } as const;

/** Map an absolute file path to its served URL, or null when it is outside both mounts. */
export function urlForFile(file: string, roots: { project: string; package: string }): string | null {
  for (const [name, root] of [
    ['project', roots.project],
    ['package', roots.package],
  ] as const) {
    const rel = relative(root, file);
    if (rel && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel))
      return MOUNTS[name] + rel.split(sep).map(encodeURIComponent).join('/');
  }
  return null;
}

/** Rewrite every relative `href`/`src` in `html` (written for `htmlDir`) to a served URL. */
export function rewriteLinks(html: string, htmlDir: string, roots: { project: string; package: string }): string {
  return html.replace(/\b(href|src)="([^"]*)"/g, (whole, attr: string, value: string) => {
    if (!value || /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(value)) return whole; // absolute, data:, fragment
    let path: string;
    try {
      path = decodeURIComponent(value.replace(/&amp;/g, '&'));
    } catch {
      return `${attr}=""`;
    }
    const url = urlForFile(resolve(htmlDir, path), roots);
    return `${attr}="${url ?? ''}"`;
  });
}
