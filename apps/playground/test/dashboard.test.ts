import { DEMO_ACCESS_CODE } from '@esim-sandbox/esimaccess-mock';
import { DEMO_AUTH_KEY } from '@esim-sandbox/iroamly-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaygroundError } from '../src/errors.js';
import { type Playground, startPlayground } from '../src/server/playground.js';
import { metas, readEvents, sections } from './helpers.js';

let playground: Playground;
beforeAll(async () => {
  playground = await startPlayground({ port: 0, clock: 'manual', pollMs: 200 });
});
afterAll(() => playground.close());

const json = async <T>(url: string, init?: RequestInit): Promise<T> =>
  (await fetch(url, init)).json() as Promise<T>;

describe('the dashboard server', () => {
  it('serves the page with both providers, their base URLs and demo credentials, and its assets', async () => {
    const page = await (await fetch(playground.url)).text();
    expect(page).toContain('id="esimaccess"');
    expect(page).toContain('id="iroamly"');
    expect(page).toContain(playground.config.providers.esimaccess.baseUrl);
    expect(page).toContain(DEMO_ACCESS_CODE);
    expect(page).toContain(DEMO_AUTH_KEY);
    expect(page).not.toMatch(/<script[^>]+src="http/);
    expect((await fetch(`${playground.url}/assets/app.js`)).headers.get('content-type')).toMatch(
      /javascript/,
    );
    expect((await fetch(`${playground.url}/assets/app.css`)).headers.get('content-type')).toMatch(/css/);
  });

  it('publishes where the fakes and the sink are, and both fakes answer there', async () => {
    const config = await json<typeof playground.config>(`${playground.url}/api/config`);
    expect(config).toEqual(playground.config);
    for (const name of ['esimaccess', 'iroamly'] as const) {
      const health = await json<{ provider: string }>(`${config.providers[name].baseUrl}/_sandbox/health`);
      expect(health.provider).toBe(name);
    }
  });

  it('points the eSIM Access default account’s webhooks at the sink', async () => {
    const account = await json<{ webhookUrl: string }>(
      `${playground.config.providers.esimaccess.baseUrl}/_sandbox/accounts/default`,
    );
    expect(account.webhookUrl).toBe(playground.sink.urlFor(DEMO_ACCESS_CODE));
  });

  it('streams every section of both panels for the default accounts', async () => {
    const events = await readEvents(`${playground.url}/events`, (e) => sections(e).has('iroamly-catalog'));
    const shown = sections(events);
    for (const id of [
      'esimaccess-summary',
      'esimaccess-profiles',
      'esimaccess-webhooks',
      'esimaccess-journal',
      'esimaccess-catalog',
    ]) {
      expect(shown.has(id), id).toBe(true);
    }
    for (const id of ['iroamly-summary', 'iroamly-codes', 'iroamly-outbox', 'iroamly-journal'])
      expect(shown.has(id), id).toBe(true);
    expect(shown.get('esimaccess-summary')).toContain(DEMO_ACCESS_CODE);
    expect(metas(events)).toContainEqual({ provider: 'iroamly', account: DEMO_AUTH_KEY });
  });

  it('follows a newly created account without a reload', async () => {
    const base = playground.config.providers.iroamly.baseUrl;
    let created: Promise<Response> | undefined;
    const events = await readEvents(`${playground.url}/events`, (e) => {
      // Once the first render is in, an account appears (as a scenario run from elsewhere would make it).
      if (!created && sections(e).has('iroamly-summary')) {
        created = fetch(`${base}/_sandbox/accounts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ key: 'follow-me' }),
        });
      }
      return metas(e).some((m) => m.account === 'follow-me');
    });
    expect((await created)?.status).toBe(201);
    expect(sections(events).get('iroamly-accounts')).toContain('follow-me');
  });

  it('wakes the stream on a provider request instead of waiting for the next poll', async () => {
    const slow = await startPlayground({ port: 0, clock: 'manual', pollMs: 600_000 });
    try {
      const base = slow.config.providers.iroamly.baseUrl;
      let sent = false;
      const events = await readEvents(`${slow.url}/events`, (e) => {
        if (!sent && sections(e).has('iroamly-journal')) {
          sent = true;
          void fetch(`${base}/openapi/codeQuery`, { method: 'POST', body: '{}' });
        }
        return (sections(e).get('iroamly-journal') ?? '').includes('/openapi/codeQuery');
      });
      expect(sections(events).get('iroamly-journal')).toContain('/openapi/codeQuery');
    } finally {
      await slow.close();
    }
  });

  it('shows the account asked for in the query rather than the newest', async () => {
    const events = await readEvents(`${playground.url}/events?iroamly=${DEMO_AUTH_KEY}`, (e) =>
      sections(e).has('iroamly-summary'),
    );
    expect(metas(events)).toContainEqual({ provider: 'iroamly', account: DEMO_AUTH_KEY });
  });

  it('passes control calls through to the fake, with its errors', async () => {
    const url = `${playground.url}/api/esimaccess/sandbox/accounts/default/faults`;
    // As the page sends them: a write without the JSON type is refused (see guard.test.ts).
    const created = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        path: '/api/v1/open/esim/order',
        times: 1,
        action: { type: 'error', code: '900001' },
      }),
    });
    expect(created.status).toBe(201);
    const { faults } = await json<{ faults: { path: string }[] }>(url);
    expect(faults.map((f) => f.path)).toContain('/api/v1/open/esim/order');
    const bad = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: 'no-slash', action: { type: 'drop' } }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: 'path' } });
    expect((await fetch(`${playground.url}/api/nope/sandbox/accounts`)).status).toBe(404);
  });

  it('passes public fake routes (QR images) through, including their 404s', async () => {
    const res = await fetch(`${playground.url}/api/iroamly/public/qrcode/unknown.png`);
    expect(res.status).toBe(404);
  });
});

describe('starting the playground', () => {
  it('fails clearly, naming the flag, when the dashboard port is taken', async () => {
    const port = Number(new URL(playground.url).port);
    const attempt = startPlayground({ port, esimaccessPort: 0, iroamlyPort: 0, sinkPort: 0 });
    await expect(attempt).rejects.toBeInstanceOf(PlaygroundError);
    await expect(attempt).rejects.toMatchObject({ code: 'PORT_IN_USE', field: '--port' });
  });

  it('refuses to bind beyond loopback', async () => {
    await expect(startPlayground({ host: '0.0.0.0', port: 0 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      field: '--host',
    });
  });

  it('uses external fakes given by URL, and shows them', async () => {
    const { esimaccess, iroamly } = playground.config.providers;
    const second = await startPlayground({
      port: 0,
      esimaccessUrl: esimaccess.baseUrl,
      iroamlyUrl: iroamly.baseUrl,
    });
    try {
      expect(second.config.providers.esimaccess).toEqual({ baseUrl: esimaccess.baseUrl, external: true });
      const events = await readEvents(`${second.url}/events`, (e) => sections(e).has('iroamly-catalog'));
      expect(sections(events).get('esimaccess-catalog')).toMatch(/Catalogue <span class="count">\d+/);
      expect(sections(events).get('iroamly-catalog')).toMatch(/Catalogue <span class="count">\d+/);
    } finally {
      await second.close();
    }
  });

  it('names the flag when an external URL is not the right fake', async () => {
    const { iroamly } = playground.config.providers;
    await expect(startPlayground({ port: 0, esimaccessUrl: iroamly.baseUrl })).rejects.toMatchObject({
      code: 'UNREACHABLE',
      field: '--esimaccess-url',
    });
  });
});
