import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliIo, runCli } from '../src/cli/main.js';
import { openStore } from '../src/store/open.js';
import { profiles, webhookInbox } from '../src/store/schema.js';
import { MAX_APPLY_ATTEMPTS, receiveWebhook } from '../src/webhooks/inbox.js';
import { ACCESS_CODE, FakeEsimAccess, SECRET_KEY } from './helpers/fake-esimaccess.js';
import { AUTH_KEY, AUTH_SECRET, FakeIroamly } from './helpers/fake-iroamly.js';
import { type ServedFake, serveEsimAccess, serveIroamly } from './helpers/http-fakes.js';
import { esimStatusEvent, profileRef } from './helpers/webhooks.js';

const BIN = new URL('../bin/esim-reconcile.js', import.meta.url).pathname;

let dataDir: string;
let esim: FakeEsimAccess;
let iroamly: FakeIroamly;
let served: ServedFake[];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'reconciler-cli-'));
  esim = new FakeEsimAccess();
  iroamly = new FakeIroamly();
  served = [await serveEsimAccess(esim), await serveIroamly(iroamly)];
});
afterEach(async () => {
  for (const fake of served) await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ESIMACCESS_ACCESS_CODE: ACCESS_CODE,
    ESIMACCESS_SECRET_KEY: SECRET_KEY,
    ESIMACCESS_BASE_URL: served[0]!.url,
    IROAMLY_AUTH_KEY: AUTH_KEY,
    IROAMLY_AUTH_SECRET: AUTH_SECRET,
    IROAMLY_BASE_URL: served[1]!.url,
    ...extra,
  };
}

function io(environment: Record<string, string>, signal?: AbortSignal) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    env: environment,
    signal,
  };
  return { out, cli };
}

async function cli(argv: string[], environment = env()) {
  const { out, cli: streams } = io(environment);
  const code = await runCli([...argv, '--data-dir', dataDir], streams);
  return { code, ...out };
}

describe('esim-reconcile', () => {
  it('prints usage for --help', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('esim-reconcile sync [--once | --watch [--interval SECONDS]]');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['sync', '--once', '--watch'], 'use either --once or --watch'],
    [['sync', '--page-size', 'lots'], '--page-size must be a number'],
  ])('exits 2 with a usage error for %j', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('exits 2 when no provider is configured for a sync', async () => {
    const result = await cli(['sync', '--once'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no provider configured');
  });

  it('syncs every configured provider once, then reports the drift as a table and as JSON', async () => {
    esim.addOrder(2);
    const synced = await cli(['sync', '--once']);
    expect(synced).toMatchObject({ code: 0, stderr: '' });
    expect(synced.stdout).toBe(
      'esimaccess: run 1 completed; drift: unknown_to_us 3\niroamly: run 2 completed; drift: none\n',
    );
    const table = await cli(['report']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/unknown_to_us\s+order B\d+\s+\*\s+-\s+GOT_RESOURCE\s+corrected/);
    const json = JSON.parse((await cli(['report', '--json', '--account', 'esimaccess'])).stdout);
    expect(json.accounts).toHaveLength(1);
    expect(json.accounts[0].findings.byKind.unknown_to_us).toBe(3);
  });

  it('explains refused credentials in one line, naming the flags to check', async () => {
    const result = await cli(
      ['sync', '--once'],
      env({ ESIMACCESS_ACCESS_CODE: 'wrong', IROAMLY_AUTH_SECRET: 'wrong' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^esimaccess: failed: eSIM Access refused the credentials \(error 000102: .*check --esimaccess-access-code/,
      ),
      expect.stringMatching(
        /^iroamly: failed: iRoamly refused the credentials \(error 2: .*check --iroamly-auth-key/,
      ),
    ]);
  });

  it('explains an unreachable provider without a stack trace', async () => {
    const closed = await serveEsimAccess(esim);
    await closed.close();
    const result = await cli(['sync', '--once'], {
      ESIMACCESS_ACCESS_CODE: ACCESS_CODE,
      ESIMACCESS_BASE_URL: closed.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `esimaccess: failed: cannot reach eSIM Access at ${closed.url}: connect ECONNREFUSED ${closed.url.slice(7)}\n`,
    );
  });

  it('explains a bad DATABASE_URL', async () => {
    const result = await cli(['report'], { DATABASE_URL: 'mysql://user:pw@localhost/db' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'esim-reconcile: DATABASE_URL: must start with postgres:// or postgresql:// (got mysql://); for the embedded store use --data-dir\n',
    );
  });

  it('syncs again after each interval in watch mode, until stopped', async () => {
    esim.addOrder(1);
    const controller = new AbortController();
    const { out, cli: streams } = io(env(), controller.signal);
    const stdout = streams.stdout;
    streams.stdout = {
      write: (text: string) => {
        stdout.write(text);
        if ((out.stdout.match(/esimaccess: run/g) ?? []).length === 2) controller.abort();
      },
    };
    const code = await runCli(['sync', '--watch', '--interval', '0.05', '--data-dir', dataDir], streams);
    expect(code).toBe(0);
    expect(out.stdout).toContain('esimaccess: run 1 completed; drift: unknown_to_us 2');
    expect(out.stdout).toContain('esimaccess: run 3 completed; drift: none');
  });

  it('serves webhooks on loopback and applies them, until stopped', async () => {
    const controller = new AbortController();
    const { out, cli: streams } = io(env(), controller.signal);
    const listening = new Promise<string>((resolve) => {
      streams.stdout = {
        write: (text: string) => {
          out.stdout += text;
          const url = /on (http:\/\/127\.0\.0\.1:\d+\/webhooks\/esimaccess)/.exec(text)?.[1];
          if (url) resolve(url);
        },
      };
    });
    const exited = runCli(['serve-webhooks', '--port', '0', '--data-dir', dataDir], streams);
    const url = await listening;
    const ref = profileRef(7);
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(esimStatusEvent(ref, 'IN_USE', 'ENABLED', 3)),
    });
    expect(answer.status).toBe(200);
    controller.abort();
    expect(await exited).toBe(0);
    const store = await openStore({ dataDir, env: {} });
    const [row] = await store.db.select().from(profiles).where(eq(profiles.esimTranNo, ref.esimTranNo));
    await store.close();
    expect(row).toMatchObject({ esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
  });

  it('retry-webhooks applies webhooks that had failed too often, and says how many', async () => {
    const ref = profileRef(7);
    const store = await openStore({ dataDir, env: {} });
    await receiveWebhook(store, 'esimaccess', esimStatusEvent(ref, 'IN_USE', 'ENABLED', 3));
    await store.db.update(webhookInbox).set({ attempts: MAX_APPLY_ATTEMPTS, lastError: 'disk full' });
    await store.close();

    const retried = await cli(['retry-webhooks']);
    expect(retried).toMatchObject({
      code: 0,
      stdout: 're-queued 1 failed webhook(s); applied 1\n',
      stderr: '',
    });
    const reopened = await openStore({ dataDir, env: {} });
    const [row] = await reopened.db.select().from(profiles).where(eq(profiles.esimTranNo, ref.esimTranNo));
    await reopened.close();
    expect(row).toMatchObject({ esimStatus: 'IN_USE', smdpStatus: 'ENABLED' });
  });

  it('runs as a bin and prints one line, no stack, for a bad DATABASE_URL', async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, [BIN, 'report'], {
      env: { PATH: process.env.PATH, DATABASE_URL: 'not a url' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({
      code: 1,
      stderr:
        'esim-reconcile: DATABASE_URL: is not a URL; expected postgres://user:password@host:5432/database\n',
    });
  });
});
