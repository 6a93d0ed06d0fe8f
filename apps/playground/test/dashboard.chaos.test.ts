import { DEMO_ACCESS_CODE } from '@esim-sandbox/esimaccess-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../src/server/playground.js';
import { readEvents, sections } from './helpers.js';

/** Every request busy, every webhook duplicated: each row the dashboard shows was acted on by chaos. */
const EVERY_TIME = { name: 'every-time', api: { busy: 1 }, webhooks: { duplicate: 1 } };

describe('the dashboard under chaos', () => {
  let playground: Playground;
  beforeAll(async () => {
    playground = await startPlayground({
      port: 0,
      clock: 'manual',
      chaos: { profile: EVERY_TIME, seed: 'dash-7' },
    });
  });
  afterAll(() => playground.close());

  it('marks the journal rows and deliveries chaos acted on with the rule and the seed', async () => {
    const { baseUrl } = playground.config.providers.esimaccess;
    const busy = await fetch(`${baseUrl}/api/v1/open/balance/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'RT-AccessCode': DEMO_ACCESS_CODE },
      body: '{}',
    });
    expect(await busy.json()).toMatchObject({ success: false, errorCode: '900001' });
    const trigger = await fetch(`${baseUrl}/_sandbox/accounts/default/trigger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notifyType: 'ORDER_STATUS' }),
    });
    expect(trigger.status).toBe(200);

    const events = await readEvents(`${playground.url}/events`, (e) => {
      const shown = sections(e);
      return (
        (shown.get('esimaccess-journal') ?? '').includes('chaos: busy') &&
        (shown.get('esimaccess-webhooks') ?? '').includes('chaos seed dash-7')
      );
    });
    const shown = sections(events);
    expect(shown.get('esimaccess-journal')).toContain('title="seed dash-7, profile every-time, api seq 1"');
    expect(shown.get('esimaccess-webhooks')).toContain(
      'title="seed dash-7, profile every-time, webhook seq 1"',
    );
  });
});
