/**
 * The type palette: which face family sets each role of the page (body, headline, label, standfirst,
 * byline, caption, note), from the house style's defaults and the config's `fonts` overrides. Only
 * faces shipped as npm web fonts are used: Chromium embeds their TrueType outlines as subset CID
 * TrueType, where the system's CFF Noto CJK would print as Type 3.
 */
import type { Config } from '../config/schema.js';

/** A face family the build ships. */
export type FontFamily = 'serif' | 'sans' | 'kai';

/** The roles of the palette, each set in one family. */
export const TYPE_ROLES = ['body', 'headline', 'label', 'standfirst', 'byline', 'caption', 'note'] as const;
export type TypeRole = (typeof TYPE_ROLES)[number];
export type TypePalette = Record<TypeRole, FontFamily>;

/**
 * Each house style's palette: 宋体 body; 楷体 standfirsts, bylines, captions and notes (no 仿宋 ships,
 * so notes take the Kai face); 黑体 labels and kickers; the daily style also sets its heads in 黑体.
 */
export const STYLE_PALETTES: Record<Config['style'], TypePalette> = {
  showcase: {
    body: 'serif',
    headline: 'serif',
    label: 'sans',
    standfirst: 'kai',
    byline: 'kai',
    caption: 'kai',
    note: 'kai',
  },
  daily: {
    body: 'serif',
    headline: 'sans',
    label: 'sans',
    standfirst: 'kai',
    byline: 'kai',
    caption: 'kai',
    note: 'kai',
  },
};

/** CSS font-family value of each family (with a generic fallback that never prints: every glyph is covered). */
export const FAMILY_CSS: Record<FontFamily, string> = {
  serif: "'Noto Serif SC', serif",
  sans: "'Noto Sans SC', sans-serif",
  kai: "'LXGW WenKai', 'Noto Serif SC', serif",
};

/** The @font-face stylesheets of each family, under node_modules, in the weights the styles use. */
export const FAMILY_STYLESHEETS: Record<FontFamily, string[]> = {
  serif: [
    '@fontsource/noto-serif-sc/400.css',
    '@fontsource/noto-serif-sc/700.css',
    '@fontsource/noto-serif-sc/900.css',
  ],
  sans: ['@fontsource/noto-sans-sc/400.css', '@fontsource/noto-sans-sc/700.css', '@fontsource/noto-sans-sc/900.css'],
  kai: ['lxgw-wenkai-webfont/lxgwwenkai-regular.css', 'lxgw-wenkai-webfont/lxgwwenkai-bold.css'],
};

/** The npm packages the font stylesheets come from (the preview serves these, and only these, from node_modules). */
export const FONT_PACKAGES: string[] = [
  ...new Set(
    Object.values(FAMILY_STYLESHEETS)
      .flat()
      .map((f) =>
        f
          .split('/')
          .slice(0, f.startsWith('@') ? 2 : 1)
          .join('/'),
      ),
  ),
];

/** The palette a config asks for: its style's defaults, overridden role by role by `fonts`. */
export function typePalette(config: Pick<Config, 'style' | 'fonts'>): TypePalette {
  const palette = { ...STYLE_PALETTES[config.style] };
  for (const role of TYPE_ROLES) palette[role] = config.fonts[role] ?? palette[role];
  return palette;
}

/**
 * Stylesheets to link for a palette: every family it uses, and the serif always, since it is the
 * fallback of the Kai face (LXGW WenKai lacks a few rare ideographs).
 */
export function paletteStylesheets(palette: TypePalette): string[] {
  const families = new Set<FontFamily>(['serif', ...Object.values(palette)]);
  return [...families].flatMap((f) => FAMILY_STYLESHEETS[f]);
}

/** CSS custom properties (`--body-font` …) carrying the palette into the stylesheet. */
export function paletteVariables(palette: TypePalette): { name: string; value: string }[] {
  return TYPE_ROLES.map((role) => ({ name: `--${role}-font`, value: FAMILY_CSS[palette[role]] }));
}
