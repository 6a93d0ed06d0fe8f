/**
 * What a recording never contains: signatures, secrets, credentials, emails, and ICCIDs when asked.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EsimAccessClient } from '@esim-sandbox/core';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { iroamlyChecks } from '../src/checks/iroamly.js';
import { runContract } from '../src/contract.js';
import { readFixture } from '../src/record/fixture.js';
import { createRecorder } from '../src/record/recorder.js';
import { REDACTED, Redactor } from '../src/record/redact.js';
import { replayHandlers } from '../src/record/replay.js';
import { runCli, tempDir } from './support.js';

describe('Redactor', () => {
  it('replaces secrets, placeholders and emails wherever they appear, the same value the same way', () => {
    const redactor = new Redactor({ secrets: ['s3cret'], placeholders: { 'acc-1': '<ACCESS_CODE>' } });
    expect(redactor.text('acc-1 signed with s3cret for a@b.co and c@d.org, again a@b.co')).toBe(
      `<ACCESS_CODE> signed with ${REDACTED} for redacted-1@example.invalid and redacted-2@example.invalid, again redacted-1@example.invalid`,
    );
  });

  it('replaces ICCIDs only when asked, keeping them 19-digit and consistent', () => {
    const value = {
      iccid: '8943108170000775671',
      profiles: [{ iccid: '89852245280000942210' }],
      note: '8943108170000775671',
    };
    expect(new Redactor().json(value)).toEqual(value);
    expect(new Redactor({ iccids: true }).json(value)).toEqual({
      iccid: '8900000000000000001',
      profiles: [{ iccid: '8900000000000000002' }],
      note: '8900000000000000001',
    });
  });

  it('never keeps the value of a signature or certification header', () => {
    const headers = new Headers({
      'RT-Signature': 'abc',
      Certification: 'def',
      'Content-Type': 'application/json',
    });
    expect(new Redactor().headers(headers)).toEqual({
      'rt-signature': REDACTED,
      certification: REDACTED,
      'content-type': 'application/json',
    });
  });
});

describe('a recorded eSIM Access session', () => {
  it('holds no signature, secret key, access code or ICCID when ICCIDs are redacted', async () => {
    const mock = createEsimAccessMock({ behaviour: { allocationDelayMs: 0 } });
    const signatures: string[] = [];
    const recorder = createRecorder({
      fetch: async (input, init) => {
        const request = new Request(input, init);
        signatures.push(request.headers.get('RT-Signature') ?? '');
        return mock.fetch(request);
      },
      secrets: [mock.secretKey],
      placeholders: { [mock.accessCode]: '<ACCESS_CODE>' },
      iccids: true,
    });
    const client = new EsimAccessClient({
      accessCode: mock.accessCode,
      secretKey: mock.secretKey,
      fetch: recorder.fetch,
    });
    const [pkg] = await client.listPackages({ locationCode: 'FR' });
    const { orderNo } = await client.order({
      transactionId: 't-1',
      packageInfoList: [{ packageCode: pkg!.packageCode, count: 1 }],
    });
    const [profile] = (await client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 5 } })).esimList;
    await mock.close();

    const text = JSON.stringify(recorder.fixture());
    for (const secret of [mock.secretKey, mock.accessCode, profile!.iccid, ...signatures])
      expect(text).not.toContain(secret);
    expect(recorder.fixture().entries[0]?.request.headers['rt-accesscode']).toBe('<ACCESS_CODE>');
    expect(recorder.fixture().redacted).toEqual([
      'RT-Signature, Certification and other secret headers',
      'secret values',
      '<ACCESS_CODE>',
      'emails',
      'ICCIDs',
    ]);
  });
});

describe('contract --record', () => {
  it('writes a fixture of the run, credentials and emails redacted, that replays the suite', async () => {
    const dir = tempDir();
    const run = await runCli(
      ['--provider', 'iroamly', '--target', 'mock-inprocess', '--record', 'session.json'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const fixture = await readFixture(join(dir, 'session.json'));
    expect(run.out).toContain(`recorded ${fixture.entries.length} requests to ${join(dir, 'session.json')}`);
    const text = JSON.stringify(fixture);
    expect(text).not.toContain('demo-auth-secret');
    expect(text).not.toContain('demo-auth-key');
    expect(text).not.toContain('contract@esim-sandbox.test');

    // Replayed through msw, the same suite passes against "live" without any provider behind it.
    const server = setupServer(...replayHandlers(fixture));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const report = await runContract('iroamly', 'live', {
        allowSpend: true,
        spendCap: 100_000,
        email: 'someone@else.test',
        target: { env: { IROAMLY_AUTH_KEY: 'replayed', IROAMLY_AUTH_SECRET: 'replayed' } },
      });
      expect(report.results.map((r) => [r.id, r.status])).toEqual(iroamlyChecks.map((c) => [c.id, 'pass']));
    } finally {
      server.close();
    }
  });

  it('refuses a fixture file that is not one, naming the file and the field', async () => {
    const file = join(tempDir(), 'broken.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'esim-sandbox/fixture',
        version: 1,
        recordedAt: 'x',
        redacted: [],
        entries: [{}],
      }),
    );
    await expect(readFixture(file)).rejects.toMatchObject({
      code: 'CONTRACT_FILE_INVALID',
      field: 'entries[0].request',
      message: expect.stringContaining(file),
    });
  });
});
