/** The shipped JSON Schema is generated from the zod schema and is current; `$schema` in a config is accepted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { configJsonSchemaText, SCHEMA_PATH } from '../../src/config/json-schema.js';
import { ROOT, tempProject } from '../helpers/cli.js';

describe('zhuanban.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing src/config/schema.ts)', () => {
    expect(readFileSync(join(ROOT, 'zhuanban.schema.json'), 'utf8')).toBe(configJsonSchemaText());
  });

  it('describes every config key and refuses unknown ones, as the build does', () => {
    const schema = JSON.parse(configJsonSchemaText()) as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['$schema', 'paper', 'pageSize', 'remarkPlugins', 'rehypePlugins']),
    );
    expect(schema.additionalProperties).toBe(false);
  });

  it('ships in the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('zhuanban.schema.json');
  });

  it('a config naming the schema in $schema loads', async () => {
    const root = await tempProject({
      'zhuanban.config.json': JSON.stringify({ $schema: SCHEMA_PATH, paper: '健康报' }),
    });
    const config = await loadConfig(root);
    expect(config.paper).toBe('健康报');
  });
});
