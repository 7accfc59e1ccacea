/**
 * Reads and validates zhuanban.config.json. A bad value becomes a ConfigError naming the key path
 * and the allowed values, which the CLI turns into exit code 2.
 */
import { join } from 'node:path';
import { type ParseError, parse as parseJsonText } from 'jsonc-parser';
import type { z } from 'zod';
import { configSchema, type Config } from './schema.js';
import { InputError } from '../io/input-error.js';
import { readRegularFile } from '../io/regular-file.js';

export const CONFIG_FILE = 'zhuanban.config.json';
/** A config is a few hundred bytes; anything near this is not one. */
const MAX_CONFIG_BYTES = 2 ** 20;

/** One offending key, with its place in the file when the file was read. */
export interface ConfigIssue {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** A config that cannot be used; `issues` lists each offending key, at file:line when known. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    super(
      `${file}: invalid configuration\n${issues.map((i) => `  ${i.line ? `${file}:${i.line}:${i.column}: ` : ''}${i.path || '(root)'}: ${i.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Line and column of `offset` in `text` (1-based). */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset)).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Where the first syntax error in a JSON text is, so the editor is sent to the line: V8's own message
 * gives no position for some errors (an unexpected token).
 */
function firstSyntaxErrorOffset(raw: string): number | undefined {
  const errors: ParseError[] = [];
  parseJsonText(raw, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors[0]?.offset;
}

/** Where a key path is written in the JSON text: each segment's `"key":` searched after its parent's. */
export function locateKey(raw: string, path: string): { line: number; column: number } | undefined {
  let offset = 0;
  for (const key of path ? path.split('.') : []) {
    if (/^\d+$/.test(key)) continue; // array index: stay at the array's key
    const found = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`).exec(raw.slice(offset));
    if (!found) return offset ? lineColumn(raw, offset) : undefined;
    offset += found.index;
  }
  return offset || path === '' ? lineColumn(raw, offset) : undefined;
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
    return issue.keys.map((key) => ({
      path: [...base, key].join('.'),
      message: 'unknown key (see README, "Configuration")',
    }));
  return [{ path: base.join('.'), message: describeIssue(issue) }];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue)
    return `${issue.message}; allowed: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_union')
    return `${issue.message}; allowed: broadsheet, tabloid, A3, A4 or {"width": mm, "height": mm}`;
  return issue.message;
}

/** Load the project's config, or defaults when the file is absent. */
export async function loadConfig(root: string): Promise<Config> {
  const file = join(root, CONFIG_FILE);
  let raw: string;
  try {
    raw = new TextDecoder().decode(
      await readRegularFile(file, { label: `the config ${file}`, maxBytes: MAX_CONFIG_BYTES }),
    );
  } catch (error) {
    if (error instanceof InputError && error.ruleId === 'not-found') return validateConfig({});
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const offset = firstSyntaxErrorOffset(raw);
    throw new ConfigError(file, [
      {
        path: '',
        message: `not valid JSON: ${(error as Error).message}`,
        ...(offset === undefined ? {} : lineColumn(raw, offset)),
      },
    ]);
  }
  try {
    return validateConfig(parsed, file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(
      file,
      error.issues.map((i) => ({ ...i, ...locateKey(raw, i.path) })),
    );
  }
}
