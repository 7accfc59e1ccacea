/**
 * pdftotext round trip (issue #3 self-test): build an edition from the seeds with the real CLI,
 * run `pdftotext` on the PDF, import the text, and count how many headlines and paragraphs of
 * the source trees come back exactly. The target is every headline and ≥98% of paragraphs;
 * every headline is recovered; paragraphs are not yet at 98% (see the floors below and the todo),
 * so this test guards the measured level against regressions and prints the score.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { scoreRoundTrip } from './roundtrip.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SEEDS = join(ROOT, 'seeds');
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

/**
 * Measured with the edition built from the five seeds: 19/19 headlines, 134–135/156 paragraphs (≈86%).
 * The missing paragraphs are split across the flows of side-by-side modules (see docs/importer.md).
 */
const HEADLINE_FLOOR = 19;
const PARAGRAPH_FLOOR = 0.85;

describe.skipIf(!hasPdftotext)('pdftotext round trip', () => {
  it('recovers headlines and paragraphs from the printed edition', () => {
    const out = mkdtempSync(join(tmpdir(), 'zb-roundtrip-'));
    execFileSync('node', [join(ROOT, 'bin', 'zhuanban.mjs'), 'build', '--out', out, '-q', SEEDS], { cwd: ROOT, stdio: 'pipe' });
    const txt = join(out, 'edition.txt');
    execFileSync('pdftotext', [join(out, 'edition.pdf'), txt]);
    const originals = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => parseSource(readFileSync(join(SEEDS, f)), f).tree);
    const recovered = parseSource(readFileSync(txt), 'edition.txt').tree;
    const score = scoreRoundTrip(originals, [recovered]);
    console.log(`round trip: headlines ${score.headlines.found}/${score.headlines.total}, paragraphs ${score.paragraphs.exact}/${score.paragraphs.total}`);
    expect(score.headlines.total).toBe(19);
    expect(score.headlines.found).toBeGreaterThanOrEqual(HEADLINE_FLOOR);
    expect(score.paragraphs.exact / score.paragraphs.total).toBeGreaterThanOrEqual(PARAGRAPH_FLOOR);
  });

  it.todo('meets the issue target: every headline and ≥98% of paragraphs exactly');
});
