/**
 * The bin as an operator runs it, in a child process: it must not end before its work (a sync paced by the
 * client's rate limiter) nor before its output has been read (a long report through a pipe).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureAccount } from '../src/store/accounts.js';
import { driftFindings, syncRuns } from '../src/store/schema.js';
import { FakeEsimAccess } from './helpers/fake-esimaccess.js';
import { BIN, endState, newPlace, removePlaces, runSync, withProvider } from './helpers/processes.js';

afterAll(removePlaces);

/** A place whose latest sync found `count` profiles unknown to the store: a report of a few megabytes. */
async function placeWithFindings(count: number) {
  const place = newPlace();
  const store = await place.open();
  await ensureAccount(store.db, { id: 'esimaccess', provider: 'esimaccess' });
  const [run] = await store.db
    .insert(syncRuns)
    .values({ accountId: 'esimaccess', status: 'completed', finishedAt: new Date() })
    .returning();
  for (let from = 0; from < count; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - from) }, (_, i) => ({
      runId: run!.id,
      accountId: 'esimaccess',
      kind: 'unknown_to_us',
      subjectType: 'profile',
      subjectId: `25091100${String(from + i).padStart(6, '0')}`,
      field: 'esimStatus',
      storeValue: null,
      providerValue: 'GOT_RESOURCE',
      corrected: true,
    }));
    await store.db.insert(driftFindings).values(rows);
  }
  await store.close();
  return place;
}

describe('esim-reconcile in a child process', () => {
  it('completes a sync at page size 20 that has to wait for the rate limiter', async () => {
    const fake = new FakeEsimAccess();
    // 10 pages of 20 and a balance query: more than the 8 requests the limiter lets go at once.
    fake.addOrder(200);
    const place = newPlace();
    const exit = await withProvider(fake, (url) => runSync(place, url, { args: ['--page-size', '20'] }).exit);
    expect(exit).toMatchObject({
      code: 0,
      stdout: 'esimaccess: run 1 completed; drift: unknown_to_us 201\n',
      stderr: '',
    });
    expect(fake.requests.length).toBeGreaterThan(8);
    const state = await endState(place);
    expect(state.profiles).toHaveLength(200);
  }, 120_000);

  it('writes a multi-megabyte report --json whole through a pipe read slowly, then exits 0', async () => {
    const findings = 12_000;
    const place = await placeWithFindings(findings);
    const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
    if (process.env.DATABASE_URL) env.DATABASE_URL = process.env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, 'report', '--json', ...place.args], { env });
    const exited = once(child, 'exit');
    // A slow reader: nothing is read after the first chunk until the child exits or a second has passed, so the
    // pipe stays full while the command finishes. A child that exits without draining loses the rest here.
    await once(child.stdout, 'readable');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 1000)))]);
    clearTimeout(timer);
    const chunks: Buffer[] = [];
    for await (const chunk of child.stdout) chunks.push(chunk as Buffer);
    const [code] = await exited;
    const text = Buffer.concat(chunks).toString('utf8');
    expect(code).toBe(0);
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const report = JSON.parse(text);
    expect(report.accounts[0].findings.items).toHaveLength(findings);
  }, 120_000);
});
