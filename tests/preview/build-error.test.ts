/**
 * The preview's error overlay names file:line. Handlebars reports a block left open at the
 * end of the file; the overlay points at the line where the block was opened.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplateError } from '../../src/preview/build-error.js';

describe('template errors in the overlay', () => {
  it('points an unclosed block at the line that opened it, in the partial that holds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zb-tpl-'));
    await mkdir(join(dir, 'partials'));
    await writeFile(join(dir, 'edition.hbs'), '{{#each pages}}{{> page}}{{/each}}\n');
    await writeFile(
      join(dir, 'partials', 'article.hbs'),
      '<article>\n  {{#if kicker}}<p>{{kicker}}</p>{{/if}}\n  {{#if byline}}\n  <p>{{byline}}</p>\n</article>\n',
    );
    const failure = await findTemplateError(dir, dir);
    expect(failure).toMatchObject({ file: 'partials/article.hbs', line: 3 });
    expect(failure!.message).toContain('{{#if}} opened at line 3 is never closed');
  });

  it('keeps Handlebars’ own line for other parse errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zb-tpl-'));
    await writeFile(join(dir, 'edition.hbs'), 'one\ntwo {{#if x}\nthree\n');
    expect(await findTemplateError(dir, dir)).toMatchObject({ file: 'edition.hbs', line: 2 });
  });
});
