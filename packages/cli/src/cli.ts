/**
 * @module
 * The `esim-sandbox` command (commander): every subcommand parses its flags into one operation of
 * `operations.ts` (or `up`, `listen`, `fixtures run`), prints its text or, with `--json`, its answer, and resolves
 * with an exit code from the EXIT table. Nothing here exits the process: the bin does, after the output drains.
 */
import { Command, CommanderError, Option } from 'commander';
import { CHAOS_ENV, CHAOS_REPORT_ENV, type ChaosFlags, planChaos, runChaos } from './chaos.js';
import { CliError, EXIT, usageError } from './errors.js';
import { readFixture, runFixture } from './fixtures.js';
import { listen } from './listen.js';
import {
  checkOperation,
  type JournalEntry,
  journalLine,
  type OperationName,
  runOperation,
} from './operations.js';
import { parseCount } from './parse.js';
import { DEFAULT_URL, PROVIDERS, type Provider, resolveTarget, URL_ENV } from './target.js';
import { VERSION } from './version.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env?: NodeJS.ProcessEnv;
  /** Stops `up`, `listen` and `journal tail --follow` (the bin aborts it on SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

interface Common {
  url: string;
  json?: boolean;
  provider: Provider;
  account: string;
}

const EXIT_CODES_HELP = `
Exit codes: ${EXIT.OK} done; ${EXIT.REFUSED} the fake refused (unknown account or profile, a move its lifecycle does not allow), a fixture step failed or a chaos seed failed; ${EXIT.USAGE} bad usage (unknown flag, bad duration, percent or fixture file); ${EXIT.UNREACHABLE} nothing (or no esim-sandbox) answers at --url; ${EXIT.INTERRUPTED} (SIGINT) or ${EXIT.TERMINATED} (SIGTERM) chaos was stopped.`;

function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  let code: number = EXIT.OK;
  const print = (text: string) => io.stdout(text.endsWith('\n') ? text : `${text}\n`);

  const common = (cmd: Command, options: { provider?: boolean; account?: boolean } = {}) => {
    cmd.addOption(
      new Option('--url <url>', `playground or fake to drive [env ${URL_ENV}]`).default(
        env[URL_ENV] || DEFAULT_URL,
      ),
    );
    cmd.option('--json', 'print the answer as JSON');
    if (options.provider !== false) {
      cmd.addOption(new Option('--provider <name>', 'which fake').choices(PROVIDERS).default('esimaccess'));
    }
    if (options.account !== false)
      cmd.option('--account <id>', 'account id (its key), or default', 'default');
    return cmd;
  };

  /** Runs one operation with the common flags and prints it. */
  const perform = async (name: OperationName, opts: Common, params: Record<string, unknown>) => {
    const raw = {
      provider: opts.provider,
      ...(name === 'accounts.list' || name === 'accounts.create' ? {} : { account: opts.account }),
      ...params,
    };
    checkOperation(name, raw);
    const target = await resolveTarget(opts.url);
    const { result, text } = await runOperation(target, name, raw);
    print(opts.json ? JSON.stringify(result, null, 2) : text);
  };

  const program = new Command('esim-sandbox')
    .description(
      'Drive the esim-sandbox playground and fakes from a terminal: start, trigger, listen, control.',
    )
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('up')
    .description('start the playground: both fakes, the webhook sink and the dashboard (Ctrl+C stops it)')
    .option('--port <n>', 'dashboard port; the fakes and sink take the next three (0 = free ports)', '4700')
    .option('--state-file <file>', 'keep state across restarts (FILE.esimaccess.json, FILE.iroamly.json)')
    .option('--catalog <files>', 'catalogue files from capture-catalog, comma-separated')
    .option('--seed <text>', 'seed for ids and catalogues', 'esim-sandbox')
    .option('--clock <mode>', 'real or manual', 'real')
    .option(
      '--chaos <name|file>',
      `seeded chaos on both fakes: gentle, realistic, hostile or a JSON file [env ${CHAOS_ENV}]`,
    )
    .option('--chaos-seed <s>', 'the seed of --chaos (default 1)')
    .action(async (o: Record<string, string | undefined>) => {
      const { runStart } = await import('@esim-sandbox/playground');
      const argv = Object.entries({
        port: o.port,
        'state-file': o.stateFile,
        catalog: o.catalog,
        seed: o.seed,
        clock: o.clock,
        chaos: o.chaos,
        'chaos-seed': o.chaosSeed,
      }).flatMap(([flag, value]) => (value === undefined ? [] : [`--${flag}`, value]));
      // Only the chaos runner's variables reach the playground: its PLAYGROUND_* ones are for `pnpm start`.
      const chaosEnv = Object.fromEntries(
        [CHAOS_ENV, CHAOS_REPORT_ENV].flatMap((name) => (env[name] ? [[name, env[name]]] : [])),
      );
      code = await runStart({
        argv,
        env: chaosEnv,
        stdout: io.stdout,
        stderr: io.stderr,
        name: 'esim-sandbox up',
        ...(io.signal ? { stop: stopped(io.signal) } : {}),
      });
    });

  common(program.command('listen'))
    .description(
      "print an account's webhooks as they are delivered, optionally forwarding each to a local URL",
    )
    .option('--forward-to <url>', 'POST each webhook here (same bytes and headers); the fake gets its answer')
    .action(async (o: Common & { forwardTo?: string }) => {
      const target = await resolveTarget(o.url);
      code = await listen(target, {
        provider: o.provider,
        account: o.account,
        forwardTo: o.forwardTo,
        json: o.json ?? false,
        print,
        signal: io.signal ?? new AbortController().signal,
      });
    });

  common(program.command('trigger'))
    .argument(
      '<type>',
      'eSIM Access: ORDER_STATUS, SMDP_EVENT, ESIM_STATUS, DATA_USAGE, VALIDITY_USAGE, CHECK_HEALTH; iRoamly: codes_purchased, qr_redeemed, redemption_failed',
    )
    .description(
      'make the fake send that event the way the provider would; without --profile it orders one first',
    )
    .option('--profile <id>', 'esimTranNo (eSIM Access) or redeem code (iRoamly) to act on')
    .option('--package <code>', 'package (eSIM Access) or product (iRoamly) of the order it places')
    .action((type: string, o: Common & { profile?: string; package?: string }) =>
      perform('trigger', o, { type, profile: o.profile, package: o.package }),
    );

  const accounts = program.command('accounts').description('create, list and reset accounts');
  common(accounts.command('create'), { account: false })
    .description('create an isolated account')
    .option('--key <key>', 'its key (access code / AuthKey); default a random one')
    .option('--secret <secret>', 'its secret; default a random one')
    .action((o: Common & { key?: string; secret?: string }) =>
      perform('accounts.create', o, { key: o.key, secret: o.secret }),
    );
  common(accounts.command('list'), { account: false })
    .description('list the accounts')
    .action((o: Common) => perform('accounts.list', o, {}));
  common(accounts.command('reset'))
    .description('reset an account to its initial state')
    .action((o: Common) => perform('accounts.reset', o, {}));

  common(program.command('clock').command('advance'))
    .argument('<duration>', 'e.g. 7d, 12h, 90m, 30s, 1h30m, 500ms')
    .description("move the account's virtual clock, running what falls due")
    .action((by: string, o: Common) => perform('clock.advance', o, { by }));

  common(program.command('order'))
    .argument('<package>', 'packageCode or slug (eSIM Access), productCode (iRoamly)')
    .description('order without signing a request (same checks and debit as the provider API)')
    .option('--count <n>', 'how many', '1')
    .action((pkg: string, o: Common & { count: string }) =>
      perform('order', o, { package: pkg, count: parseCount(o.count, '--count') }),
    );

  const profiles = program.command('profiles').description('what a phone does to an eSIM Access profile');
  common(profiles.command('install'), { provider: false })
    .argument('<esimTranNo>')
    .description('download, install and enable the profile')
    .action((profile: string, o: Common) =>
      perform('profiles.install', { ...o, provider: 'esimaccess' }, { profile }),
    );
  common(profiles.command('use'), { provider: false })
    .argument('<esimTranNo>')
    .argument('<percent>', "share of the profile's volume used afterwards, e.g. 60%")
    .description('use data until that share of the volume is used (DATA_USAGE at 50/80/90 %)')
    .action((profile: string, percent: string, o: Common) =>
      perform('profiles.use', { ...o, provider: 'esimaccess' }, { profile, percent }),
    );
  common(profiles.command('expire'), { provider: false })
    .argument('<esimTranNo>')
    .description('end the unused period or the validity now')
    .action((profile: string, o: Common) =>
      perform('profiles.expire', { ...o, provider: 'esimaccess' }, { profile }),
    );

  common(program.command('balance').command('set'))
    .argument('<amount>', 'integer: 1/10,000 USD (eSIM Access) or 1/100 credit (iRoamly)')
    .description("set the account's balance")
    .action((amount: string, o: Common) =>
      perform('balance.set', o, { balance: parseCount(amount, 'amount') }),
    );

  const faults = program.command('faults').description("make an account's requests fail");
  common(faults.command('add'))
    .description('add a fault: one of --error, --http, --latency, --drop')
    .requiredOption('--path <glob>', 'request path, exact or glob (/api/v1/open/**)')
    .option('--method <method>', 'only this method')
    .option('--times <n>', 'only the next n matching requests')
    .option('--error <code>', "answer with the provider's error code")
    .option('--http <status>', 'answer with this HTTP status')
    .option('--latency <ms>', 'wait this long (real time) first')
    .option('--drop', 'drop the connection')
    .action(async (o: Common & Record<string, string | boolean | undefined>) => {
      const actions = [
        o.error === undefined ? undefined : { error: o.error },
        o.http === undefined ? undefined : { http: parseCount(String(o.http), '--http') },
        o.latency === undefined ? undefined : { latency: parseCount(String(o.latency), '--latency') },
        o.drop ? { drop: true } : undefined,
      ].filter(Boolean);
      if (actions.length !== 1)
        throw usageError('faults add: give exactly one of --error, --http, --latency, --drop');
      await perform('faults.add', o, {
        path: o.path,
        method: o.method,
        times: o.times === undefined ? undefined : parseCount(String(o.times), '--times'),
        action: actions[0],
      });
    });
  common(faults.command('list'))
    .description("list the account's faults")
    .action((o: Common) => perform('faults.list', o, {}));
  common(faults.command('clear'))
    .description('remove every fault')
    .action((o: Common) => perform('faults.clear', o, {}));

  // Beside `chaos` (the runner), not below it: `chaos -- <command>` takes any words after it.
  common(program.command('chaos-status'))
    .description("the account's seeded chaos: profile, seed, faults injected so far")
    .action((o: Common) => perform('chaos.get', o, {}));
  common(program.command('chaos-set'))
    .description(
      'turn seeded chaos on for the account (its sequence numbers start again: a seed replays from here)',
    )
    .requiredOption('--profile <name|file>', 'gentle, realistic, hostile, or a JSON profile file')
    .requiredOption('--seed <s>', 'the seed: the same seed and requests give the same faults')
    .action((o: Common & { profile: string; seed: string }) =>
      perform('chaos.set', o, { profile: o.profile, seed: o.seed }),
    );
  common(program.command('chaos-off'))
    .description('turn seeded chaos off for the account')
    .action((o: Common) => perform('chaos.clear', o, {}));

  common(program.command('journal').command('tail'))
    .description("the account's last requests; --follow keeps printing new ones")
    .option('--limit <n>', 'how many', '20')
    .option('--follow', 'keep printing new requests until Ctrl+C')
    .action(async (o: Common & { limit: string; follow?: boolean }) => {
      const limit = parseCount(o.limit, '--limit');
      if (!o.follow) return perform('journal.tail', o, { limit });
      const target = await resolveTarget(o.url);
      const seen = new Set<string>();
      const until = stopped(io.signal);
      let done = false;
      void until.then(() => {
        done = true;
      });
      while (!done) {
        const { result } = await runOperation(target, 'journal.tail', { ...o, limit });
        for (const entry of (result as { entries: JournalEntry[] }).entries) {
          if (seen.has(entry.id)) continue;
          seen.add(entry.id);
          print(o.json ? JSON.stringify(entry) : journalLine(entry));
        }
        await Promise.race([until, new Promise((r) => setTimeout(r, 1000).unref())]);
      }
    });

  common(program.command('fixtures').command('run'), { provider: false, account: false })
    .argument('<file>', 'a .json, .yaml or .yml file of steps')
    .description(
      'run a fixture: named steps, each an operation of this command, later ones quoting earlier answers',
    )
    .action(async (file: string, o: Common) => {
      const fixture = readFixture(file);
      const target = await resolveTarget(o.url);
      const results = await runFixture(target, fixture, (step) => {
        if (!o.json) print(`${step.name} (${step.op}): ${step.text.replaceAll('\n', '\n  ')}`);
      });
      if (o.json) print(JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.result])), null, 2));
    });

  program
    .command('chaos')
    .argument('[command...]', 'the command to run under each seed, after -- (e.g. -- npm test)')
    .description(
      'run a command under seeded chaos (ESIM_SANDBOX_CHAOS) seed after seed; stop at the first failing seed and print its faults and how to replay it',
    )
    .option('--profile <name|file>', 'gentle, realistic, hostile, or a JSON profile file', 'realistic')
    .option('--runs <n>', 'how many seeds', '5')
    .option('--from <n>', 'the first seed of the series', '1')
    .option('--seed <s>', 'run exactly this seed once (replay); not with --runs or --from')
    .option('--json', "print one JSON result document (the command's own stdout goes to stderr)")
    .action(async (command: string[], o: Omit<ChaosFlags, 'command'>, cmd: Command) => {
      // --runs and --from are refused with --seed only when typed: their defaults are for a series.
      const typed = (flag: 'runs' | 'from') =>
        cmd.getOptionValueSource(flag) === 'cli' ? o[flag] : undefined;
      const plan = planChaos({ ...o, runs: typed('runs'), from: typed('from'), command });
      code = await runChaos(plan, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    if (error instanceof CliError) {
      io.stderr(`esim-sandbox: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`esim-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.REFUSED;
  }
}
