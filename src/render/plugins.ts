/**
 * House unified plugins named in the config (`remarkPlugins`, `rehypePlugins`): each entry is a module
 * path relative to the config file (or `[path, options]`) whose default export is the plugin. They are
 * imported once per build, before the page views are made.
 */
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pluggable, PluggableList, Plugin } from 'unified';
import type { Config } from '../config/schema.js';
import type { BodyPlugins } from './body.js';

/** A plugin module that could not be loaded; the message names the config key and the path. */
export class PluginError extends Error {
  override name = 'PluginError';
}

type Entry = Config['remarkPlugins'][number];

async function loadOne(root: string, key: string, entry: Entry): Promise<Pluggable> {
  const [spec, options] = typeof entry === 'string' ? [entry, undefined] : entry;
  const path = isAbsolute(spec) ? spec : resolve(root, spec);
  let module: { default?: unknown };
  try {
    module = await import(pathToFileURL(path).href);
  } catch (error) {
    throw new PluginError(`${key}: cannot load ${spec}: ${(error as Error).message}`);
  }
  if (typeof module.default !== 'function')
    throw new PluginError(`${key}: ${spec} has no default export that is a plugin function`);
  const plugin = module.default as Plugin;
  return options === undefined ? plugin : [plugin, options];
}

async function loadList(root: string, key: string, entries: Entry[]): Promise<PluggableList> {
  const out: PluggableList = [];
  for (const entry of entries) out.push(await loadOne(root, key, entry));
  return out;
}

/** Import the config's house plugins; `root` is the folder of the config file. */
export async function loadBodyPlugins(
  root: string,
  config: Pick<Config, 'remarkPlugins' | 'rehypePlugins'>,
): Promise<BodyPlugins> {
  return {
    remark: await loadList(root, 'remarkPlugins', config.remarkPlugins),
    rehype: await loadList(root, 'rehypePlugins', config.rehypePlugins),
  };
}
