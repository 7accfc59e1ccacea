/** The preview speaks the project's language: its page names catalogue keys, the server hands out that language's messages. */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/index.js';
import { EN } from '../../src/i18n/messages.js';
import { emptyState } from '../../src/preview/proof-state.js';
import { createPreviewServer } from '../../src/preview/server.js';
import { ROOT } from '../helpers/cli.js';
import { rawRequest } from '../preview/preview-child.js';

describe('preview messages', () => {
  let url = '';
  const { server, hub } = createPreviewServer({
    roots: { project: ROOT, package: ROOT },
    state: emptyState,
    writePdf: async () => ({ url: '/x', ms: 0 }),
    allowedHosts: () => null,
    messages: () => ({ lang: 'zh-CN', messages: catalogue('zh-CN') }),
  });
  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    hub.close();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('every text the viewer page marks for translation is in the catalogue', () => {
    const html = readFileSync(join(ROOT, 'src', 'preview', 'client', 'viewer.html'), 'utf8');
    const keys = [...html.matchAll(/data-i18n(?:-title)?="([^"]+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(15);
    for (const key of keys) expect(Object.keys(EN), key).toContain(key);
  });

  it('serves the project language’s messages to the viewer', async () => {
    const res = await rawRequest(url, '/__zb/messages');
    const body = JSON.parse(res.body) as { lang: string; messages: Record<string, string> };
    expect(body.lang).toBe('zh-CN');
    expect(body.messages['ui.writePdf']).toBe('生成 PDF');
    expect(body.messages['ui.makeup']).toBe('版面');
  });
});
