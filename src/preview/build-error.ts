/**
 * A failed rebuild as the overlay shows it: a message plus file:line when one can be found. Config
 * errors carry their file, refused sources name theirs, and a Handlebars parse error in a partial
 * names only a line (src/render/html.ts compiles partials lazily), so the preview re-parses each
 * template itself to find the file (workaround until renderEdition names the partial).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { ConfigError } from '../config/load.js';

/** What the error overlay displays. */
export interface BuildFailure {
  message: string;
  file?: string;
  line?: number;
}

function lineOf(message: string): number | undefined {
  const m = /\bline (\d+)/i.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** The first template in `dir` (edition.hbs, then partials/) that does not parse, as a failure. */
export async function findTemplateError(dir: string, root: string): Promise<BuildFailure | null> {
  const files = [join(dir, 'edition.hbs')];
  try {
    files.push(...(await readdir(join(dir, 'partials'))).filter((n) => n.endsWith('.hbs')).sort().map((n) => join(dir, 'partials', n)));
  } catch {
    /* no partials folder: renderEdition reports that itself */
  }
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    try {
      Handlebars.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      return { message, file: relative(root, file) || file, line: lineOf(message) };
    }
  }
  return null;
}

/** Turn any build error into a failure with the best file:line available. */
export async function describeFailure(error: unknown, root: string, templatesDir: string): Promise<BuildFailure> {
  if (error instanceof ConfigError) {
    const file = relative(root, error.file) || error.file;
    return { message: error.issues.map((i) => `${i.line ? `${i.line}:${i.column}: ` : ''}${i.path || '(root)'}: ${i.message}`).join('\n'), file,
      line: error.issues[0]?.line ?? lineOf(error.issues[0]?.message ?? '') };
  }
  const message = (error as Error)?.message ?? String(error);
  const template = await findTemplateError(templatesDir, root);
  if (template) return template;
  // "file: message" (SourceRefused, TemplateError) or "file:line: message".
  const named = /^([^\s:][^:\n]*\.(?:txt|md|hbs|css|json)):(?:(\d+):)?\s*([\s\S]*)$/.exec(message);
  if (named) return { file: named[1], line: named[2] ? Number(named[2]) : lineOf(named[3]!), message: named[3]! };
  return { message };
}
