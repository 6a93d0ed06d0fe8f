/**
 * The targets both providers build through one factory: live credentials from the environment, a mock someone
 * already runs (its CLI's `<PROVIDER>_MOCK_*` variables, else its demo account), and what recordings hide.
 */
import { DEMO_ACCESS_CODE, DEMO_SECRET_KEY } from '@esim-sandbox/esimaccess-mock';
import { DEMO_AUTH_KEY, DEMO_AUTH_SECRET } from '@esim-sandbox/iroamly-mock';
import { describe, expect, it } from 'vitest';
import { createEsimAccessTarget, ESIMACCESS_ENV } from '../src/targets/esimaccess.js';
import { createIroamlyTarget, IROAMLY_ENV } from '../src/targets/iroamly.js';

const PROVIDERS = [
  { create: createEsimAccessTarget, env: ESIMACCESS_ENV, demo: [DEMO_ACCESS_CODE, DEMO_SECRET_KEY] },
  { create: createIroamlyTarget, env: IROAMLY_ENV, demo: [DEMO_AUTH_KEY, DEMO_AUTH_SECRET] },
] as const;

const REAL_BASE_URLS = { esimaccess: 'https://api.esimaccess.com', iroamly: 'https://api.iroamly.shop' };
const KEY_PLACEHOLDERS = { esimaccess: '<ACCESS_CODE>', iroamly: '<AUTH_KEY>' };

/** `{ accessCode: 'live-accessCode', ... }` and the environment that holds it under `name(variable)`. */
function credentialsIn(vars: Record<string, string>, prefix: string, name = (v: string) => v) {
  const fields = Object.keys(vars);
  return {
    env: Object.fromEntries(fields.map((f) => [name(vars[f]!), `${prefix}-${f}`])),
    credentials: Object.fromEntries(fields.map((f) => [f, `${prefix}-${f}`])),
  };
}

/** The mock CLI's variable for a live one: ESIMACCESS_ACCESS_CODE -> ESIMACCESS_MOCK_ACCESS_CODE. */
const mockVariable = (live: string) => live.replace(/^([A-Z]+)_/, '$1_MOCK_');

describe.each(PROVIDERS)('the targets of $create.name', ({ create, env, demo }) => {
  it('live reads the credentials from the environment, on the real base URL, with real money', async () => {
    const live = credentialsIn(env, 'live');
    const target = await create('live', { env: live.env });
    expect(target).toMatchObject({ kind: 'live', credentials: live.credentials, realMoney: true });
    expect(target).toMatchObject({ baseUrl: REAL_BASE_URLS[target.provider] });
  });

  it('live recordings drop the secret and show the key as a placeholder', async () => {
    const live = credentialsIn(env, 'live');
    const target = await create('live', { env: live.env });
    const [key, secret] = Object.values(live.credentials);
    expect(target).toMatchObject({
      redaction: { secrets: [secret], placeholders: { [key!]: KEY_PLACEHOLDERS[target.provider] } },
    });
  });

  it("mock-http with a base URL uses the running mock's credential variables", async () => {
    const running = credentialsIn(env, 'mock', mockVariable);
    const target = await create('mock-http', { baseUrl: 'http://127.0.0.1:9999', env: running.env });
    expect(target).toMatchObject({
      baseUrl: 'http://127.0.0.1:9999',
      credentials: running.credentials,
      realMoney: false,
    });
  });

  it('mock-http with a base URL and no variables uses the demo account', async () => {
    const target = await create('mock-http', { baseUrl: 'http://127.0.0.1:9999', env: {} });
    expect('credentials' in target && Object.values(target.credentials)).toEqual(demo);
  });
});
