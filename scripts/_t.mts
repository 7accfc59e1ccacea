import { makeUpPage } from '../src/layout/makeup.ts';
import type { ArticleMeasure } from '../src/layout/types.ts';
function art(id: string, chars: number, figures: number): ArticleMeasure {
  const spans = [];
  for (let k = 1; k <= 8; k++) spans.push({ span: k, stack: k < 3 ? 5 : 4, lede: 0, body: Math.ceil(chars / 13 / k) + 1, caption: 1, figureRows: figures ? Math.ceil(figures / Math.max(1, Math.floor(k / 2))) : 0, imageNatural: Math.round((k * 154 + (k - 1) * 15) / Math.min(figures || 1, Math.max(1, Math.floor(k / 2))) * 0.75 / 16) });
  return { id, figures, spans };
}
for (const set of [[art('a', 6000, 2)], [art('a', 3000, 3), art('b', 2000, 1), art('c', 1000, 0)], Array.from({ length: 10 }, (_, i) => art('x' + i, 450, 1)), [art('long', 30000, 0)], [art('a', 3100, 0)]]) {
  const t = Date.now();
  const r = makeUpPage(set, { columns: 8, lines: 118 });
  console.log(Date.now() - t, 'ms', r.overflow, r.placements.map((p) => `${p.id}:c${p.column}+${p.span} l${p.line}+${p.lines} fig${p.figureLines}${p.addedSlot ? 'S' : ''} s${p.slack}`).join(' | '));
}
