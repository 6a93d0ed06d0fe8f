/**
 * @module
 * The one setup a `with fakes` block gets: both fakes on the providers' real base URLs through msw, on the real
 * clock (the block is production code: it waits, it never advances a virtual clock), with a fresh account each
 * whose credentials are in the environment variables the READMEs use. The block itself is unchanged.
 */
import { startEsimAccessFake } from '@esim-sandbox/esimaccess-mock/testing';
import { startIroamlyFake } from '@esim-sandbox/iroamly-mock/testing';

export async function withFakes(load: () => Promise<unknown>): Promise<void> {
  const esim = await startEsimAccessFake({ mode: 'msw', clock: 'real' });
  const iroamly = await startIroamlyFake({ mode: 'msw', clock: 'real' });
  try {
    const esimAccount = esim.newAccount();
    const iroamlyAccount = iroamly.newAccount();
    process.env.ESIMACCESS_ACCESS_CODE = esimAccount.accessCode;
    process.env.ESIMACCESS_SECRET_KEY = esimAccount.secretKey;
    process.env.IROAMLY_AUTH_KEY = iroamlyAccount.authKey;
    process.env.IROAMLY_AUTH_SECRET = iroamlyAccount.authSecret;
    await load();
  } finally {
    await esim.close();
    await iroamly.close();
  }
}
