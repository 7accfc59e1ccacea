/**
 * The preview's one POST (write the PDF) is refused with 403 from any page not served by the preview,
 * including an opaque `Origin: null` (a sandboxed frame or a file:// page), which used to answer 500.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewServer } from '../../src/preview/server.js';
import { emptyState } from '../../src/preview/proof-state.js';
import { ROOT } from '../helpers/cli.js';
import { rawRequest } from './preview-child.js';

describe('preview POST origin check', () => {
  let url = '';
  let written = 0;
  const { server, hub } = createPreviewServer({
    roots: { project: ROOT, package: ROOT },
    state: emptyState,
    writePdf: async () => ({ url: `/x${++written}`, ms: 0 }),
    allowedHosts: () => null,
  });

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    hub.close();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('answers 403 to Origin: null and to a malformed origin, 200 to its own', async () => {
    expect((await rawRequest(url, '/__zb/pdf', { method: 'POST', headers: { origin: 'null' } })).status).toBe(403);
    expect((await rawRequest(url, '/__zb/pdf', { method: 'POST', headers: { origin: 'not a url' } })).status).toBe(403);
    expect(written).toBe(0);
    const host = new URL(url).host;
    expect((await rawRequest(url, '/__zb/pdf', { method: 'POST', headers: { origin: `http://${host}` } })).status).toBe(
      200,
    );
    expect(written).toBe(1);
  });
});
