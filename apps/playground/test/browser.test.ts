/**
 * The dashboard in a real browser (headless Chromium through playwright-core: Debian's when installed, else the one
 * packaged in @sparticuz/chromium; see chromium.ts): scenarios run from
 * another process show up live, the clock button expires a profile, and the trigger form fires an event. Saves a screenshot to test-results/.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountKey } from '../src/scenario/run.js';
import { openEsimAccess } from '../src/scenario/sides.js';
import { connectPlayground } from '../src/scenario/target.js';
import { type Playground, startPlayground } from '../src/server/playground.js';
import { resolveChromium } from './chromium.js';
import { seedProfiles } from './seed.js';

const APP_DIR = new URL('..', import.meta.url).pathname;
const RESULTS = join(APP_DIR, 'test-results');
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const run = promisify(execFile);
/** Generous: CI machines are slow; nothing here asserts on time. */
const WAIT = { timeout: 20_000 };
/** Seeding 10,000 profiles through signed orders takes tens of seconds on a busy 2-core machine: a bound, not a target. */
const SEEDED_TIMEOUT_MS = 180_000;

describe('the dashboard in a browser', () => {
  let playground: Playground;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;

  beforeAll(async () => {
    const browser = await resolveChromium();
    playground = await startPlayground({ port: 0, clock: 'manual' });
    profileDir = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
    // launchPersistentContext passes --user-data-dir (a fresh one) and --headless itself.
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: browser.executablePath,
      headless: true,
      args: FLAGS,
      viewport: { width: 1400, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    await playground?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('shows a scenario run from another process, and expires its profile when the clock is advanced', async () => {
    await page.goto(playground.url);
    await expect.poll(() => page.textContent('#live'), WAIT).toBe('live');

    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/scenario/cli.ts', 'esimaccess-happy-path', 'iroamly-redeem'],
      { cwd: APP_DIR, env: { ...process.env, PLAYGROUND_URL: playground.url } },
    );
    expect(stdout).toContain('all 2 scenario(s) passed');
    const esimAccount = /eSIM Access account (\S+)/.exec(stdout)?.[1];
    const iroamlyAccount = /iRoamly account (\S+)/.exec(stdout)?.[1];

    // The dashboard follows the newest account of each provider: the ones the scenarios just made.
    await expect.poll(() => page.textContent('[data-testid="esimaccess-account"]'), WAIT).toBe(esimAccount);
    await expect.poll(() => page.textContent('[data-testid="iroamly-account"]'), WAIT).toBe(iroamlyAccount);
    await page.locator('tr.profile-row[data-esim-status="IN_USE"]').waitFor();
    await page.locator('tr.delivery-row[data-type="ORDER_STATUS"][data-state="delivered"]').waitFor();
    await page.locator('tr.code-row[data-status="redeemed"]').waitFor();
    const qr = page.locator('#iroamly-outbox img.qr').first();
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), WAIT)
      .toBeGreaterThan(0);

    await page.click('[data-testid="esimaccess-advance-2592000000"]');
    await page.locator('tr.profile-row[data-esim-status="USED_EXPIRED"]').waitFor();
    await page.locator('tr.delivery-row[data-type="ESIM_STATUS"]').first().waitFor();

    // The status toast of the click would cover part of the picture.
    await expect.poll(() => page.getAttribute('#toast', 'class'), WAIT).toBe('');
    await expect.poll(() => page.$eval('#toast', (el) => getComputedStyle(el).opacity), WAIT).toBe('0');
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'dashboard.png'), fullPage: true });
  });

  it('injects a fault, installs a profile, uses data, fires DATA_USAGE and resets an account from the page', async () => {
    const form = page.locator('form.fault-form[data-provider="esimaccess"]');
    await form.locator('select[name="path"]').selectOption('/api/v1/open/esim/order');
    await form.locator('button[type="submit"]').click();
    await page.locator('#esimaccess-summary .fault', { hasText: '/api/v1/open/esim/order' }).waitFor();

    // Another client orders on a fresh account; the dashboard follows it, and the page plays the device.
    const esim = await openEsimAccess(await connectPlayground(playground.url), accountKey('browser'));
    const [pkg] = await esim.client.listPackages({ locationCode: 'JP', type: 'BASE' });
    await esim.client.order({
      transactionId: 'browser-1',
      packageInfoList: [{ packageCode: pkg!.packageCode, count: 1 }],
    });
    await esim.control.advance(30_000);
    await expect
      .poll(() => page.textContent('[data-testid="esimaccess-account"]'), WAIT)
      .toBe(esim.accessCode);

    await page.locator('tr.profile-row button', { hasText: 'Install' }).click();
    await page.locator('tr.profile-row[data-smdp-status="ENABLED"]').waitFor();
    await page.locator('tr.profile-row button', { hasText: '+25% data' }).click();
    await page.locator('tr.profile-row[data-esim-status="IN_USE"]').waitFor();
    await page.locator('tr.delivery-row[data-type="ESIM_STATUS"]').first().waitFor();

    // Fire an event: DATA_USAGE without a profile orders one and uses it past a threshold; the sink answers.
    const trigger = page.locator('form.trigger-form[data-provider="esimaccess"]');
    await trigger.locator('select[name="notifyType"]').selectOption('DATA_USAGE');
    await trigger.locator('button[type="submit"]').click();
    await page
      .locator('[data-testid="esimaccess-trigger-result"] [data-type="DATA_USAGE"]', { hasText: 'HTTP 200' })
      .waitFor();
    await page.locator('tr.delivery-row[data-type="DATA_USAGE"][data-state="delivered"]').waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#iroamly-summary button', { hasText: 'Reset account' }).click();
    await page.locator('#iroamly-codes tr.empty').waitFor();
  });

  it(
    'opens a request payload, creates an account, and pages and searches through 10,000 profiles',
    async () => {
      // A journal row opens in place: the request and response as pretty JSON, with a copy button.
      const row = page.locator('#esimaccess-journal tr.journal-row').first();
      await row.locator('details.payload summary').click();
      const request = row.locator('.payload-part pre').first();
      await expect.poll(() => request.textContent(), WAIT).toContain('"method": "');
      await row.locator('button[data-copy]').first().click();
      await expect.poll(() => page.textContent('#toast'), WAIT).toBe('Copied');

      await page.click('[data-testid="esimaccess-create-account"]');
      const secret = page.locator('[data-testid="esimaccess-created-secret"]');
      await expect.poll(() => secret.textContent(), WAIT).toMatch(/^•+$/);
      await page.locator('#esimaccess-created button', { hasText: 'Reveal' }).last().click();
      await expect.poll(() => secret.textContent(), WAIT).not.toMatch(/•/);

      const account = await seedProfiles(playground, 10_000);
      await page.goto(`${playground.url}/?esimaccess=${encodeURIComponent(account)}`);
      const rows = page.locator('#esimaccess-profiles tr.profile-row');
      await expect.poll(() => rows.count(), WAIT).toBe(50);
      const pageAt = page.locator('[data-testid="esimaccess.profiles-page"]');
      await expect.poll(() => pageAt.textContent(), WAIT).toBe('page 1 of 200');
      const firstOfPage1 = await rows.first().getAttribute('data-esim-tran-no');
      await page.locator('#esimaccess-profiles button', { hasText: 'next' }).click();
      await expect.poll(() => pageAt.textContent(), WAIT).toBe('page 2 of 200');
      const wanted = await rows.nth(7).getAttribute('data-esim-tran-no');
      expect(wanted).not.toBe(firstOfPage1);

      await page.locator('#esimaccess-profiles input.list-search').fill(wanted!);
      await expect.poll(() => rows.count(), WAIT).toBe(1);
      expect(await rows.first().getAttribute('data-esim-tran-no')).toBe(wanted);
      expect(await page.locator('#esimaccess-profiles tr').count()).toBeLessThan(60);
    },
    SEEDED_TIMEOUT_MS,
  );
});
