/**
 * Parse time per MB for several line shapes (short lines are where a step quadratic in lines shows
 * first; seed-like text where one quadratic in paragraphs or articles does). Speed is measured here,
 * never in tests. Inputs are generated, so the numbers are comparable between runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../../src/parse/index.js';

/** Pseudo-random generator with a fixed seed: the same input on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你对新医院健康卫生服务患者中心科技';

/** About `bytes` of lines whose length is drawn from [min, max] characters. */
export function linesOfLength(bytes: number, min: number, max: number, seed = 1): string {
  const random = lcg(seed);
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const n = min + Math.floor(random() * (max - min + 1));
    let line = '';
    for (let i = 0; i < n; i++) line += HAN[Math.floor(random() * HAN.length)];
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${out.join('\n')}\n`;
}

/** About `bytes` of the seeds repeated (real extraction artefacts, real article shapes). */
export function seedLike(root: string, bytes: number): string {
  const dir = join(root, 'seeds');
  const texts = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(join(dir, n), 'utf8'));
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = texts[i % texts.length]!;
    out.push(text);
    size += Buffer.byteLength(text);
  }
  return out.join('\n');
}

/**
 * About `bytes` of one article whose paragraphs each stand over a one-phrase line (a caption or a
 * subhead by form): the page walk asks of every such line what the article's other heads look like,
 * which is where a step quadratic in the article's length shows.
 */
export function linesBetweenParagraphs(bytes: number): string {
  const paragraph = [
    '　　今年以来，医院组织专家团队深入基层开',
    '展义诊活动，把优质医疗服务送到群众家门',
    '口，受到广泛好评。',
  ];
  const out = ['某某区人民医院 守护健康', ''];
  for (let k = 0, size = 0; size < bytes; k++) {
    const piece = [...paragraph, '', k % 2 ? '义诊现场' : '健康讲座', ''];
    out.push(...piece);
    size += Buffer.byteLength(piece.join('\n')) + 1;
  }
  return `${out.join('\n')}\n`;
}

/** The shapes measured: name → generated text. */
export function parseShapes(root: string): { name: string; text: string }[] {
  const MB = 2 ** 20;
  return [
    { name: '1 MB, 1–2-char lines', text: linesOfLength(MB, 1, 2) },
    { name: '1 MB, 1–6-char lines', text: linesOfLength(MB, 1, 6) },
    { name: '1 MB, 8-char lines', text: linesOfLength(MB, 8, 8) },
    { name: '5 MB, seed-like text', text: seedLike(root, 5 * MB) },
    { name: '1 MB, paras + one-phrase', text: linesBetweenParagraphs(MB) },
  ];
}

/** Parse each shape once; seconds per MB of UTF-8 input. */
export function benchParse(root: string): { name: string; seconds: number; perMb: number }[] {
  return parseShapes(root).map(({ name, text }) => {
    const bytes = Buffer.from(text);
    const start = performance.now();
    parseSource(bytes, 'bench.txt');
    const seconds = (performance.now() - start) / 1000;
    return { name, seconds, perMb: seconds / (bytes.length / 2 ** 20) };
  });
}

/** Print the parse section of the bench. */
export function printParseBench(root: string): void {
  console.log('parse time per MB (target ≤ 2 s/MB for each shape):');
  for (const r of benchParse(root))
    console.log(
      `  ${r.name.padEnd(24)} ${r.seconds.toFixed(2).padStart(7)} s   ${r.perMb.toFixed(2).padStart(6)} s/MB`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) printParseBench(process.cwd());
