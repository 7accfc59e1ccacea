/**
 * The type palette: each house style's roles, overridden role by role from the config, and only the
 * faces in use linked (plus the serif, the Kai face's fallback).
 */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { paletteStylesheets, paletteVariables, typePalette } from '../../src/render/fonts.js';

describe('type palette', () => {
  it('gives the showcase style serif heads, sans labels and Kai standfirsts, bylines and captions', () => {
    const palette = typePalette(configSchema.parse({}));
    expect(palette).toEqual({
      body: 'serif',
      headline: 'serif',
      label: 'sans',
      standfirst: 'kai',
      byline: 'kai',
      caption: 'kai',
      note: 'kai',
    });
    expect(paletteVariables(palette).find((v) => v.name === '--caption-font')?.value).toMatch(/LXGW WenKai/);
  });

  it('sets the daily style heads in sans, and keeps the older { body, headline } config working', () => {
    expect(typePalette(configSchema.parse({ style: 'daily' })).headline).toBe('sans');
    const palette = typePalette(configSchema.parse({ fonts: { body: 'sans', headline: 'serif' } }));
    expect(palette.body).toBe('sans');
    expect(palette.headline).toBe('serif');
    expect(palette.standfirst).toBe('kai');
  });

  it('links only the families in use', () => {
    const allSerif = typePalette(
      configSchema.parse({
        fonts: { label: 'serif', standfirst: 'serif', byline: 'serif', caption: 'serif', note: 'serif' },
      }),
    );
    expect(paletteStylesheets(allSerif).every((s) => s.includes('noto-serif-sc'))).toBe(true);
    expect(paletteStylesheets(typePalette(configSchema.parse({}))).some((s) => s.includes('lxgw-wenkai-webfont'))).toBe(
      true,
    );
  });

  it('rejects a family it does not ship', () => {
    expect(configSchema.safeParse({ fonts: { caption: 'fangsong' } }).success).toBe(false);
    expect(configSchema.safeParse({ style: 'tabloid' }).success).toBe(false);
  });
});
