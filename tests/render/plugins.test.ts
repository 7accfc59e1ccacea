/** House unified plugins from the config: imported relative to the config file, run on every article body. */
import { describe, expect, it } from 'vitest';
import type { BlockContent } from '../../src/ast/types.js';
import { validateConfig } from '../../src/config/load.js';
import { bodyToHtml } from '../../src/render/body.js';
import { loadBodyPlugins, PluginError } from '../../src/render/plugins.js';
import { tempProject } from '../helpers/cli.js';

const position = (line: number) => ({ start: { line, column: 1, offset: 0 }, end: { line, column: 10, offset: 9 } });
const blocks: BlockContent[] = [
  { type: 'paragraph', children: [{ type: 'text', value: '医院开展义诊活动。' }], position: position(3) },
  { type: 'heading', depth: 3, children: [{ type: 'text', value: '小标题' }], position: position(5) },
];

// A remark plugin that marks every paragraph's text, and a rehype plugin that classes every <p>.
const REMARK_PLUGIN = `export default function mark(options = {}) {
  const suffix = options.suffix ?? '★';
  return (tree) => {
    for (const block of tree.children) if (block.type === 'paragraph') block.children.push({ type: 'text', value: suffix });
  };
}
`;
const REHYPE_PLUGIN = `export default function house() {
  return (tree) => {
    for (const el of tree.children) if (el.type === 'element' && el.tagName === 'p') el.properties.className = ['house'];
  };
}
`;

describe('house plugins', () => {
  it('without plugins the body converts as before', () => {
    const { html, warnings } = bodyToHtml(blocks);
    expect(html).toContain('<p data-line="3">医院开展义诊活动。</p>');
    expect(html).toContain('<h3 class="subhead" data-line="5">小标题</h3>');
    expect(warnings).toEqual([]);
  });

  it('loads remarkPlugins and rehypePlugins relative to the config file and runs them on the body', async () => {
    const root = await tempProject({ 'plugins/mark.mjs': REMARK_PLUGIN, 'plugins/house.mjs': REHYPE_PLUGIN });
    const config = validateConfig({
      remarkPlugins: [['./plugins/mark.mjs', { suffix: '◆' }]],
      rehypePlugins: ['plugins/house.mjs'],
    });
    const plugins = await loadBodyPlugins(root, config);
    const { html } = bodyToHtml(blocks, plugins);
    expect(html).toContain('<p data-line="3" class="house">医院开展义诊活动。◆</p>');
    expect(html).toContain('<h3 class="subhead" data-line="5">小标题</h3>');
  });

  it('a missing plugin stops the build with the key and path', async () => {
    const root = await tempProject({});
    const config = validateConfig({ rehypePlugins: ['./nowhere.mjs'] });
    await expect(loadBodyPlugins(root, config)).rejects.toThrow(PluginError);
    await expect(loadBodyPlugins(root, config)).rejects.toThrow(/rehypePlugins: cannot load \.\/nowhere\.mjs/);
  });
});
