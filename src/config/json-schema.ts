/**
 * zhuanban.config.json's JSON Schema, generated from the zod schema so the two never drift: editors
 * (VS Code and others) give completion and checks for a config that names it in `$schema`.
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

/** Where the shipped schema is found from a project that installed zhuanban. */
export const SCHEMA_PATH = './node_modules/zhuanban/zhuanban.schema.json';

/** The schema of what a user writes (defaults optional), as pretty-printed JSON text. */
export function configJsonSchemaText(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'zhuanban.config.json', description: 'Configuration of a zhuanban edition' }, null, 2)}\n`;
}
