/** `npm run schema`: write zhuanban.schema.json from the zod config schema (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText } from '../src/config/json-schema.js';

const path = join(import.meta.dirname, '..', 'zhuanban.schema.json');
writeFileSync(path, configJsonSchemaText());
process.stderr.write(`wrote ${path}\n`);
