/**
 * View model → edition HTML through the Handlebars templates in templates/ (page, article, figure and
 * byline partials). Fonts are linked from the project's own web-font packages (the palette in
 * fonts.ts), never the system's, so Chromium embeds TrueType subsets instead of Type 3.
 */
import { readdir, stat } from 'node:fs/promises';
import { InputError } from '../io/input-error.js';
import { describeKind } from '../io/regular-file.js';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import Handlebars from 'handlebars';
import type { Context } from '../io/context.js';
import type { Sheet } from './geometry.js';
import type { PageView } from './view.js';
import type { Config } from '../config/schema.js';
import { splitPhrasesWithSpaces } from './phrases.js';
import { paletteStylesheets, paletteVariables, typePalette } from './fonts.js';

/** Resolves the font packages wherever npm put them (beside zhuanban or hoisted into the project). */
const resolvePackageFile = createRequire(import.meta.url).resolve;

/** A template that does not compile or render; the message starts with file:line when Handlebars gives one. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** Compiled templates; compile once per build (or per template change in the preview). */
export type EditionTemplate = (data: unknown) => string;

/** A template is a few KB; a bigger file in the templates folder is not one. */
const MAX_TEMPLATE_BYTES = 2 ** 20;

/** The config's `templates` must name a folder holding edition.hbs; anything else is a config mistake (exit 2). */
async function checkTemplatesFolder(dir: string, file: string, configured: string | undefined): Promise<void> {
  const key = configured ? `templates: "${configured}"` : `the built-in templates (${dir})`;
  const info = await stat(dir).catch(() => null);
  if (!info)
    throw new InputError(
      `${key} does not exist (it names a folder holding edition.hbs and partials/)`,
      'bad-templates',
    );
  if (!info.isDirectory())
    throw new InputError(`${key} is ${describeKind(info)}, not a folder of templates`, 'bad-templates');
  if (!(await stat(file).catch(() => null)))
    throw new InputError(
      `${key} has no edition.hbs: a templates folder holds edition.hbs and partials/*.hbs`,
      'bad-templates',
    );
}

/** The partials' file names in name order; a templates folder without partials/ has none. */
async function partialNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.hbs')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new InputError(
      `templates: ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      'bad-templates',
    );
  }
}

/** Load templates/edition.hbs and every partial in templates/partials/. */
export async function loadTemplates(ctx: Context, templatesDir?: string): Promise<EditionTemplate> {
  const hb = Handlebars.create();
  // `{{phrases headline}}`: the head escaped and cut into phrases that the stylesheet keeps whole.
  hb.registerHelper('phrases', (text: unknown) => {
    const pieces = splitPhrasesWithSpaces(String(text ?? ''));
    if (pieces.length < 2) return String(text ?? '');
    return new hb.SafeString(
      pieces.map((p) => `<span class="phrase">${hb.escapeExpression(p.text)}</span>${p.space ? ' ' : ''}`).join(''),
    );
  });
  const dir = templatesDir ? resolve(ctx.root, templatesDir) : join(ctx.packageRoot, 'templates');
  const decoder = new TextDecoder();
  const read = async (path: string) =>
    decoder.decode(
      await ctx.readUserFile(path, {
        label: `template ${relative(ctx.root, path) || path}`,
        maxBytes: MAX_TEMPLATE_BYTES,
      }),
    );
  const file = join(dir, 'edition.hbs');
  await checkTemplatesFolder(dir, file, templatesDir);
  for (const name of await partialNames(join(dir, 'partials')))
    hb.registerPartial(name.slice(0, -4), await read(join(dir, 'partials', name)));
  const main = await read(file);
  try {
    // Compile eagerly so a template error names its file here, not mid-render.
    const template = hb.compile(main, { strict: false, preventIndent: true });
    template({ pages: [] });
    return template;
  } catch (error) {
    throw new TemplateError(`${relative(ctx.root, file) || file}: ${(error as Error).message}`);
  }
}

/** URL from the HTML's folder to a file, as a relative link so proofs open offline from disk. */
function hrefFrom(htmlDir: string, file: string): string {
  return relative(htmlDir, file).split(sep).join('/');
}

/** Render the whole edition (every page) as one HTML document written into `htmlDir`. */
export function renderEdition(
  template: EditionTemplate,
  args: {
    ctx: Context;
    config: Config;
    sheet: Sheet;
    pages: PageView[];
    title: string;
    htmlDir: string;
    mode: 'print' | 'proof';
  },
): string {
  const { ctx, config, sheet, pages, title, htmlDir } = args;
  const palette = typePalette(config);
  return template({
    title,
    mode: args.mode,
    style: config.style,
    fontCss: paletteStylesheets(palette).map((f) => hrefFrom(htmlDir, resolvePackageFile(f))),
    styleHref: hrefFrom(htmlDir, join(ctx.packageRoot, 'styles', 'print.css')),
    ...sheet,
    fontVariables: paletteVariables(palette),
    pages,
  });
}
