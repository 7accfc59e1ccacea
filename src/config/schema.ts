/**
 * One zod schema gives both validation and the TypeScript types of zhuanban.config.json,
 * so defaults, checks and types never drift apart.
 */
import { z } from 'zod';

/** Page-size presets in millimetres (对开 390×545, 四开 275×390). */
export const PAGE_PRESETS = {
  broadsheet: { width: 390, height: 545, columns: 8 },
  tabloid: { width: 275, height: 390, columns: 6 },
  A3: { width: 297, height: 420, columns: 6 },
  A4: { width: 210, height: 297, columns: 4 },
} as const;

/** Default `maxSourceBytes`: far above any page of copy (a page is 10–20 KB), far below what hurts memory. */
export const DEFAULT_MAX_SOURCE_BYTES = 8 * 2 ** 20;
const MAX_SOURCE_BYTES_CEILING = 512 * 2 ** 20;
/** A column narrower than this many body characters cannot set a line of Chinese text. */
const MIN_COLUMN_CHARS = 4;
/** A type area shorter than this many lines cannot hold a headline and a paragraph. */
const MIN_TYPE_LINES = 10;
const MM_PER_PT = 25.4 / 72;

const customSize = z.object({ width: z.number().min(50).max(2000), height: z.number().min(50).max(2000) }).strict();

/** A house unified plugin: a module path relative to the config file, or [path, options]. */
const pluginEntry = z.union([z.string().min(1), z.tuple([z.string().min(1), z.unknown()])]);

/** Face families the build ships: Noto Serif SC (宋体 role), Noto Sans SC (黑体), LXGW WenKai (楷体). */
export const FONT_FAMILIES = ['serif', 'sans', 'kai'] as const;
const fontFamily = z.enum(FONT_FAMILIES);

/** House styles: `showcase` (red labels, banner band) and `daily` (a sober national daily). */
export const HOUSE_STYLES = ['showcase', 'daily'] as const;

const margins = z
  .object({ top: z.number().min(0), right: z.number().min(0), bottom: z.number().min(0), left: z.number().min(0) })
  .strict();

export const configSchema = z
  .object({
    /** The JSON Schema this file follows (zhuanban.schema.json), for editors' completion; ignored by the build. */
    $schema: z.string().optional(),
    /** Language of messages, the build summary and the preview; default from LANG/LC_ALL (Chinese → zh-CN, else en). */
    lang: z.enum(['en', 'zh-CN']).optional(),
    paper: z.string().min(1).default('示例日报'),
    section: z.string().min(1).default('卫生健康'),
    /** Edition date, ISO yyyy-mm-dd. Defaults to the build clock's date (SOURCE_DATE_EPOCH honoured). */
    date: z.iso.date().optional(),
    firstPage: z.int().min(1).default(1),
    pageSize: z.union([z.enum(['broadsheet', 'tabloid', 'A3', 'A4']), customSize]).default('broadsheet'),
    /** Grid columns; defaults per preset (8 broadsheet, 6 tabloid). */
    columns: z.int().min(1).max(12).optional(),
    /** Type-area margins in mm. */
    margins: margins.default({ top: 20, right: 18, bottom: 22, left: 18 }),
    /**
     * The type palette by role: each role names a face family. Unset roles take the house style's choice
     * (src/render/fonts.ts), so `{ body, headline }` from older configs keeps working.
     */
    fonts: z
      .object({
        body: fontFamily.optional(),
        headline: fontFamily.optional(),
        label: fontFamily.optional(),
        standfirst: fontFamily.optional(),
        byline: fontFamily.optional(),
        caption: fontFamily.optional(),
        note: fontFamily.optional(),
      })
      .strict()
      .default({}),
    /** House style: templates and CSS only, the make-up engine is shared. */
    style: z.enum(HOUSE_STYLES).default('showcase'),
    /** Body type size in pt and leading in pt (about 9 pt, leading 1.3). */
    bodySize: z.number().min(6).max(14).default(9),
    bodyLeading: z.number().min(7).max(24).default(12),
    /** Source files or globs relative to the project; defaults to seeds/*.txt|md in name order. */
    sources: z.array(z.string()).optional(),
    /** A folder of house templates (edition.hbs + partials/) replacing the built-in ones, relative to the project. */
    templates: z.string().min(1).optional(),
    /** Every wait on the browser is bounded by this (ms). */
    timeoutMs: z.int().min(1000).max(600000).default(60000),
    /** Print-ready post-processing. */
    bleed: z.number().min(0).max(20).default(3),
    marks: z.boolean().default(true),
    /** House remark plugins, run on each article body (mdast) before it becomes HTML. */
    remarkPlugins: z.array(pluginEntry).default([]),
    /** House rehype plugins, run on each article body's HTML tree (hast) before it is written out. */
    rehypePlugins: z.array(pluginEntry).default([]),
    /** Largest source file read, in bytes: a bigger one is refused (`source-too-large`) instead of filling memory. */
    maxSourceBytes: z.int().min(1024).max(MAX_SOURCE_BYTES_CEILING).default(DEFAULT_MAX_SOURCE_BYTES),
  })
  .strict()
  .superRefine((config, ctx) => {
    for (const problem of typeAreaProblems(config))
      ctx.addIssue({ code: 'custom', path: ['margins'], message: problem });
  });

/** Validated configuration with defaults applied. */
export type Config = z.infer<typeof configSchema>;
/** What a user may write in zhuanban.config.json. */
export type ConfigInput = z.input<typeof configSchema>;

/** Resolved page geometry in millimetres. */
export interface PageGeometry {
  width: number;
  height: number;
  columns: number;
}

/** The trim size and column count a config asks for. */
export function pageGeometry(config: Config): PageGeometry {
  const size = typeof config.pageSize === 'string' ? PAGE_PRESETS[config.pageSize] : { ...config.pageSize, columns: 6 };
  return { width: size.width, height: size.height, columns: config.columns ?? size.columns };
}

/**
 * Why the margins leave no usable type area on this page (empty when they do): checked in the schema so a
 * margin wider than the page is a config error naming `margins`, not a failure deep in the make-up.
 */
export function typeAreaProblems(
  config: Pick<Config, 'pageSize' | 'columns' | 'margins' | 'bodySize' | 'bodyLeading'>,
): string[] {
  const page = pageGeometry(config as Config);
  const { margins } = config;
  const width = page.width - margins.left - margins.right;
  const height = page.height - margins.top - margins.bottom;
  const bodyMm = config.bodySize * MM_PER_PT;
  const columnMm = (width - (page.columns - 1) * bodyMm * 1.25) / page.columns;
  const problems: string[] = [];
  if (columnMm < MIN_COLUMN_CHARS * bodyMm)
    problems.push(
      `left + right = ${margins.left + margins.right} mm leaves ${fmt(width)} mm of the ${page.width} mm page width for ${page.columns} columns; ` +
        `each column needs at least ${fmt(MIN_COLUMN_CHARS * bodyMm)} mm (${MIN_COLUMN_CHARS} characters)`,
    );
  if (height < MIN_TYPE_LINES * config.bodyLeading * MM_PER_PT)
    problems.push(
      `top + bottom = ${margins.top + margins.bottom} mm leaves ${fmt(height)} mm of the ${page.height} mm page height; ` +
        `the type area needs at least ${fmt(MIN_TYPE_LINES * config.bodyLeading * MM_PER_PT)} mm (${MIN_TYPE_LINES} lines)`,
    );
  return problems;
}

function fmt(mm: number): string {
  return String(Math.round(mm * 10) / 10);
}
