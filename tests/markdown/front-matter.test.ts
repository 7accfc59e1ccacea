/**
 * Front-matter values are validated: a value of the wrong shape is a `bad-front-matter` warning naming the
 * key and is left out, never printed as `[object Object]` in the running head.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdownSource } from '../../src/markdown/parse.js';

function parse(front: string) {
  const messages: { ruleId: string; message: string }[] = [];
  const tree = parseMarkdownSource(`---\n${front}\n---\n\n# 标题\n\n正文。\n`, 'x.md', (ruleId, message) =>
    messages.push({ ruleId, message }),
  );
  return { tree, messages };
}

describe('front matter is validated', () => {
  it('folio: {section: {a: 1}} is a bad-front-matter warning, not [object Object]', () => {
    const { tree, messages } = parse('folio:\n  page: 3\n  section:\n    a: 1');
    expect(messages.map((m) => m.ruleId)).toContain('bad-front-matter');
    expect(messages.find((m) => m.ruleId === 'bad-front-matter')!.message).toMatch(/folio\.section/);
    expect(JSON.stringify(tree)).not.toContain('[object Object]');
  });

  it('keeps the good values beside a bad one', () => {
    const { tree, messages } = parse('folio:\n  page: 4\n  section: 卫生健康\nbanner: {x: 1}');
    expect(tree.folio).toEqual({ page: 4, section: '卫生健康' });
    expect(tree.banner).toBeNull();
    expect(messages.map((m) => m.message).join('\n')).toMatch(/banner/);
  });
});
