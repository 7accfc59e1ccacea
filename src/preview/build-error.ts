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

/** The innermost `{{#block}}` left open at the end of a template, with its line. */
function unclosedBlock(text: string): { name: string; line: number } | null {
  const stack: { name: string; line: number }[] = [];
  for (const m of text.matchAll(/\{\{~?([#/])\s*([\w-]+)/g)) {
    const line = text.slice(0, m.index).split('\n').length;
    if (m[1] === '#') stack.push({ name: m[2]!, line });
    else if (stack.length && stack[stack.length - 1]!.name === m[2]) stack.pop();
  }
  return stack.pop() ?? null;
}

/** The first template in `dir` (edition.hbs, then partials/) that does not parse, as a failure. */
export async function findTemplateError(dir: string, root: string): Promise<BuildFailure | null> {
  const files = [join(dir, 'edition.hbs')];
  try {
    files.push(
      ...(await readdir(join(dir, 'partials')))
        .filter((n) => n.endsWith('.hbs'))
        .sort()
        .map((n) => join(dir, 'partials', n)),
    );
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
      // Handlebars reports an unclosed block at the end of the file; point at the block's opening instead.
      const open = /got 'EOF'/.test(message) ? unclosedBlock(text) : null;
      if (open)
        return {
          message: `{{#${open.name}}} opened at line ${open.line} is never closed ({{/${open.name}}})\n${message}`,
          file: relative(root, file) || file,
          line: open.line,
        };
      return { message, file: relative(root, file) || file, line: lineOf(message) };
    }
  }
  return null;
}

/** Turn any build error into a failure with the best file:line available. */
export async function describeFailure(error: unknown, root: string, templatesDir: string): Promise<BuildFailure> {
  if (error instanceof ConfigError) {
    const file = relative(root, error.file) || error.file;
    return {
      message: error.issues
        .map((i) => `${i.line ? `${i.line}:${i.column}: ` : ''}${i.path || '(root)'}: ${i.message}`)
        .join('\n'),
      file,
      line: error.issues[0]?.line ?? lineOf(error.issues[0]?.message ?? ''),
    };
  }
  const message = (error as Error)?.message ?? String(error);
  const template = await findTemplateError(templatesDir, root);
  if (template) return template;
  // "file: message" (SourceRefused, TemplateError) or "file:line: message".
  const named = /^([^\s:][^:\n]*\.(?:txt|md|hbs|css|json)):(?:(\d+):)?\s*([\s\S]*)$/.exec(message);
  if (named) return { file: named[1], line: named[2] ? Number(named[2]) : lineOf(named[3]!), message: named[3]! };
  return { message };
}
