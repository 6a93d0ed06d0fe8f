/**
 * Each subcommand's happy path against a playground on loopback, and its errors: one line on stderr and the exit
 * code of the EXIT table.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { DEFAULT_PORT, type Playground } from '@esim-sandbox/playground';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/errors.js';
import { DEFAULT_URL } from '../src/target.js';
import { cli, playground } from './support.js';

let pg: Playground;
let dir: string;
/** A base package of the playground's catalogue: the same seed generates the same one. */
let basePackage: string;
let url: string[];
type Answer = Record<string, string | number | unknown[]>;
const json = async <T = Answer>(args: string[]): Promise<T> => {
  const run = await cli([...args, ...url, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

beforeAll(async () => {
  pg = await playground();
  const mock = createEsimAccessMock({ seed: 'cli' });
  basePackage = mock.catalog.catalog.packages.find(
    (p) => !p.packageCode.startsWith('TOPUP_') && p.dataType === 1,
  )!.packageCode;
  await mock.close();
  url = ['--url', pg.url];
  dir = mkdtempSync(join(tmpdir(), 'esim-sandbox-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await pg?.close();
});

describe('the subcommands', () => {
  it('defaults --url to the playground default address', () => {
    expect(DEFAULT_URL).toBe(`http://127.0.0.1:${DEFAULT_PORT}`);
  });

  it('prints the version and exits 0', async () => {
    const run = await cli(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('shows each flag with its default under -h', async () => {
    const run = await cli(['clock', 'advance', '-h']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(default: "default")');
    expect(run.stdout).toContain('ESIM_SANDBOX_URL');
  });

  it('creates, lists and resets accounts', async () => {
    const created = await json<{ id: string; secret: string }>(['accounts', 'create']);
    expect(created.secret.length).toBeGreaterThan(0);
    const list = await json<{ accounts: { id: string }[] }>(['accounts', 'list']);
    expect(list.accounts.map((a) => a.id)).toContain(created.id);
    const reset = await cli(['accounts', 'reset', '--account', created.id, ...url]);
    expect(reset).toMatchObject({ code: 0, stdout: `reset account ${created.id}\n` });
  });

  it('orders, installs, uses 60 % and expires a profile, and moves the clock by 7d', async () => {
    const account = (await json<{ id: string }>(['accounts', 'create'])).id;
    const on = ['--account', account];
    const pkg = basePackage;
    const ordered = await cli(['order', pkg, ...on, ...url]);
    const orderNo = /ordered: (\S+)/.exec(ordered.stdout)?.[1];
    expect(ordered.code, ordered.stderr).toBe(0);
    const before = await json<{ now: number }>(['clock', 'advance', '7d', ...on]);
    const order = (await (
      await pg.sources.esimaccess.request(`/_sandbox/accounts/${account}/orders/${orderNo}`)
    ).json()) as { esimTranNos: string[] };
    const profile = order.esimTranNos[0]!;
    expect((await json(['profiles', 'install', profile, ...on])).smdpStatus).toBe('ENABLED');
    const used = await json<{ orderUsage: number; totalVolume: number }>([
      'profiles',
      'use',
      profile,
      '60%',
      ...on,
    ]);
    expect(used.orderUsage).toBe(Math.ceil(used.totalVolume * 0.6));
    expect((await json(['profiles', 'expire', profile, ...on])).esimStatus).toBe('USED_EXPIRED');
    const after = await json<{ now: number }>(['clock', 'advance', '1h', ...on]);
    expect(after.now - before.now).toBe(3_600_000);
  });

  it('sets the balance, adds, lists and clears faults, and tails the journal', async () => {
    expect((await json(['balance', 'set', '12345'])).balance).toBe(12345);
    const fault = (await json([
      'faults',
      'add',
      '--path',
      '/api/v1/open/**',
      '--error',
      '900001',
      '--times',
      '1',
    ])) as {
      id: string;
    };
    const listed = await json<{ faults: { id: string }[] }>(['faults', 'list']);
    expect(listed.faults.map((f) => f.id)).toContain(fault.id);
    expect((await cli(['faults', 'clear', ...url])).code).toBe(0);
    expect((await json<{ faults: unknown[] }>(['faults', 'list'])).faults).toEqual([]);
    const journal = await json<{ entries: unknown[] }>(['journal', 'tail', '--limit', '5']);
    expect(Array.isArray(journal.entries)).toBe(true);
  });

  it('runs a YAML fixture whose later steps quote earlier answers', async () => {
    const file = join(dir, 'flow.yaml');
    writeFileSync(
      file,
      [
        'steps:',
        '  - name: acct',
        '    op: accounts.create',
        '  - name: order',
        '    op: order',
        `    params: { account: "\${acct.id}", package: ${basePackage} }`,
        '  - name: later',
        '    op: clock.advance',
        '    params: { account: "${acct.id}", by: 2s }',
        '  - name: usage',
        '    op: trigger',
        '    params: { account: "${acct.id}", type: DATA_USAGE }',
      ].join('\n'),
    );
    const run = await cli(['fixtures', 'run', file, ...url, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      acct: { id: string };
      order: { orderNo: string };
      usage: { steps: string[] };
    };
    expect(out.order.orderNo).toMatch(/^B/);
    expect(out.usage.steps.join('\n')).toContain('50 %');
  });
});

describe('errors: one line, the exit code of the table', () => {
  it.each([
    [['clock', 'advance', '7x'], EXIT.USAGE, "clock.advance: by: '7x' is not a duration"],
    [['profiles', 'use', 'P1', '150%'], EXIT.USAGE, "percent: '150%' is not a percentage"],
    [['accounts', 'reset', '--account', 'nobody'], EXIT.REFUSED, 'esimaccess: '],
    [['trigger', 'NOT_A_TYPE'], EXIT.USAGE, 'notifyType'],
    [['profiles', 'install', 'missing'], EXIT.REFUSED, '(310403)'],
    [['order', 'NO-SUCH'], EXIT.REFUSED, '(310241)'],
    [['faults', 'add', '--path', '/x'], EXIT.USAGE, 'exactly one of --error'],
    [['frobnicate'], EXIT.USAGE, "unknown command 'frobnicate'"],
  ])('%j exits %i saying %s', async (args, code, message) => {
    const run = await cli([...args, ...url]);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')[0]).toMatch(/^(esim-sandbox: |error: )/);
  });

  it('exits 3 naming the address when nothing answers there', async () => {
    const run = await cli(['accounts', 'list', '--url', 'http://127.0.0.1:9']);
    expect(run.code).toBe(EXIT.UNREACHABLE);
    expect(run.stderr).toMatch(/^esim-sandbox: nothing answers at http:\/\/127\.0\.0\.1:9 .*esim-sandbox up/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['steps:\n  - name: a\n    op: nope\n', "steps.0.op (step 'a')"],
    [
      'steps:\n  - name: a\n    op: clock.advance\n    params: { by: soon }\n',
      "step 'a' (steps.0.params): by: 'soon'",
    ],
    [
      'steps:\n  - name: a\n    op: order\n    params: { package: "${b.orderNo}" }\n',
      "no earlier step is named 'b'",
    ],
    ['steps: [\n', 'not valid YAML'],
  ])('refuses a bad fixture before running it, naming the step and field (%#)', async (text, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    const run = await cli(['fixtures', 'run', file, ...url]);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toContain(message);
  });
});
