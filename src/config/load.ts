/**
 * Reads and validates zhuanban.config.json. A bad value becomes a ConfigError naming the key path
 * and the allowed values, which the CLI turns into exit code 2 (issue #2).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { configSchema, type Config } from './schema.js';

export const CONFIG_FILE = 'zhuanban.config.json';

/** A config that cannot be used; `issues` lists each offending key. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${file}: invalid configuration\n` + issues.map((i) => `  ${i.path || '(root)'}: ${i.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Validate an already-parsed value (used by tests and the preview's reload). */
export function validateConfig(value: unknown, file = CONFIG_FILE): Config {
  const result = configSchema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ConfigError(file, result.error.issues.flatMap(issueToEntries));
}

function issueToEntries(issue: z.core.$ZodIssue): { path: string; message: string }[] {
  const base = issue.path.map(String);
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'unknown key (see README, "Configuration")' }));
  return [{ path: base.join('.'), message: describeIssue(issue) }];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) return `${issue.message}; allowed: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_union') return `${issue.message}; allowed: broadsheet, tabloid, A3, A4 or {"width": mm, "height": mm}`;
  return issue.message;
}

/** Load the project's config, or defaults when the file is absent. */
export async function loadConfig(root: string): Promise<Config> {
  const file = join(root, CONFIG_FILE);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return validateConfig({});
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(file, [{ path: '', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return validateConfig(parsed, file);
}
