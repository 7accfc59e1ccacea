/**
 * sharp (libvips), loaded on first use: an edition without photos never needs it, and loading it costs
 * about a tenth of a second of every build's start.
 */
import type Sharp from 'sharp';

let loading: Promise<typeof Sharp> | undefined;

/** The sharp function, imported once, when the first photo is read. */
export function loadSharp(): Promise<typeof Sharp> {
  loading ??= import('sharp').then((module) => module.default);
  return loading;
}
