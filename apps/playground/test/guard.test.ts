import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../src/server/playground.js';

let playground: Playground;
beforeAll(async () => {
  playground = await startPlayground({ port: 0, clock: 'manual', pollMs: 600_000 });
});
afterAll(() => playground.close());

const crossSite = { origin: 'https://evil.example', 'content-type': 'text/plain' };

describe('the dashboard and the sink against other web pages', () => {
  it('refuses a cross-origin text/plain reset of a fake through the dashboard, and leaves the account as it was', async () => {
    const account = playground.sources.esimaccess;
    const before = await (await account.request('/_sandbox/accounts/default')).json();
    const res = await fetch(`${playground.url}/api/esimaccess/sandbox/accounts/default/reset`, {
      method: 'POST',
      headers: crossSite,
      body: '{}',
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN_ORIGIN', field: 'origin' } });
    expect(await (await account.request('/_sandbox/accounts/default')).json()).toEqual(before);
  });

  it('refuses a cross-origin change of a receiver status and a forged webhook, and takes a provider’s post', async () => {
    const url = playground.sink.urlFor('acc-x');
    const status = await fetch(`${url}/status`, {
      method: 'PUT',
      headers: crossSite,
      body: JSON.stringify({ status: 500 }),
    });
    expect(status.status).toBe(403);
    const forged = await fetch(url, { method: 'POST', headers: crossSite, body: '{}' });
    expect(forged.status).toBe(403);
    const provider = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(provider.status).toBe(200);
    expect(playground.sink.received('acc-x')).toHaveLength(1);
  });
});
