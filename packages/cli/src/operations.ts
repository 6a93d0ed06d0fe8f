/**
 * @module
 * Every operation the command can do against a fake, as one table: its parameters (zod, so a subcommand's flags and
 * a fixture step's params are checked alike, errors naming the field), the `/_sandbox` calls it makes (no behaviour
 * of its own: the fakes do the work), and its one-line text. Subcommands and `fixtures run` both call these.
 */
import { CHAOS_PROFILES, chaosProfileChoice } from '@esim-sandbox/emulator';
import { z } from 'zod';
import { usageError } from './errors.js';
import { parseDuration, parsePercent } from './parse.js';
import { accountPath, control, PROVIDERS, type Target } from './target.js';

const base = {
  provider: z.enum(PROVIDERS).default('esimaccess'),
  account: z.string().min(1).default('default'),
};
const duration = z.union([z.number().int().min(0), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  try {
    return parseDuration(v, 'by');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});
const percent = z.union([z.number(), z.string()]).transform((v, ctx) => {
  try {
    return parsePercent(String(v), 'percent');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

interface Operation<S extends z.ZodType> {
  summary: string;
  params: S;
  run(target: Target, p: z.output<S>): Promise<unknown>;
  text(result: never, p: z.output<S>): string;
}
const op = <S extends z.ZodType>(o: Operation<S>) => o;

interface Profile {
  esimTranNo: string;
  totalVolume: number;
  orderUsage: number;
  esimStatus: string;
  smdpStatus: string;
}
const profileText = (p: Profile) =>
  `profile ${p.esimTranNo}: ${p.esimStatus}/${p.smdpStatus}, used ${p.orderUsage} of ${p.totalVolume} bytes (${Math.floor((p.orderUsage * 100) / p.totalVolume)} %)`;
const esimOnly = { provider: z.literal('esimaccess').default('esimaccess'), account: base.account };
const profilePath = (account: string, profile: string, rest = '') =>
  `${accountPath(account)}/profiles/${encodeURIComponent(profile)}${rest}`;

/** A built-in profile name as is, a profile file read and checked by the engine (its error names the field). */
const chaosProfile = z
  .string()
  .min(1)
  .transform((name, ctx) => {
    try {
      const choice = chaosProfileChoice(name);
      if (!('missing' in choice)) return choice.profile;
      const names = Object.keys(CHAOS_PROFILES).join(', ');
      ctx.addIssue({ code: 'custom', message: `profile: '${name}' is not one of ${names} nor a file` });
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `profile: ${(error as Error).message}` });
    }
    return z.NEVER;
  });

interface ChaosAnswer {
  chaos: { profile: { name: string }; seed: string; injected: number } | null;
}
const chaosText = ({ chaos }: ChaosAnswer, account: string) =>
  chaos
    ? `chaos on ${account}: ${chaos.profile.name}, seed ${chaos.seed}, ${chaos.injected} fault${chaos.injected === 1 ? '' : 's'} injected`
    : `chaos on ${account}: off`;

const FAULT_ACTIONS = z.union([
  z.strictObject({ error: z.string().min(1) }).transform((a) => ({ type: 'error' as const, code: a.error })),
  z.strictObject({ http: z.number().int() }).transform((a) => ({ type: 'http' as const, status: a.http })),
  z
    .strictObject({ latency: z.number().int().min(0) })
    .transform((a) => ({ type: 'latency' as const, ms: a.latency })),
  z.strictObject({ drop: z.literal(true) }).transform(() => ({ type: 'drop' as const })),
]);

export const OPERATIONS = {
  'accounts.create': op({
    summary: 'create an isolated account (prints its credentials once)',
    params: z.strictObject({
      provider: base.provider,
      key: z.string().optional(),
      secret: z.string().optional(),
    }),
    run: (t, p) => control(t, p.provider, '/accounts', { body: { key: p.key, secret: p.secret } }),
    text: (r: { id: string; key: string; secret: string }) =>
      `created account ${r.id} (key ${r.key}, secret ${r.secret})`,
  }),
  'accounts.list': op({
    summary: 'list the accounts',
    params: z.strictObject({ provider: base.provider }),
    run: (t, p) => control(t, p.provider, '/accounts'),
    text: (r: { accounts: { id: string; default: boolean }[] }) =>
      r.accounts.map((a) => `${a.id}${a.default ? ' (default)' : ''}`).join('\n'),
  }),
  'accounts.reset': op({
    summary: 'reset an account to its initial state',
    params: z.strictObject(base),
    run: (t, p) => control(t, p.provider, `${accountPath(p.account)}/reset`, { body: {} }),
    text: (_r: unknown, p) => `reset account ${p.account}`,
  }),
  'clock.advance': op({
    summary: "move an account's virtual clock, running what falls due",
    params: z.strictObject({ ...base, by: duration }),
    run: (t, p) => control(t, p.provider, `${accountPath(p.account)}/clock/advance`, { body: { ms: p.by } }),
    text: (r: { iso: string }, p) => `advanced ${p.account} by ${p.by} ms: now ${r.iso}`,
  }),
  order: op({
    summary: 'order a package (eSIM Access) or product (iRoamly) without signing a request',
    params: z.strictObject({
      ...base,
      package: z.string().min(1),
      count: z.number().int().min(1).default(1),
    }),
    run: (t, p) =>
      control(t, p.provider, `${accountPath(p.account)}/orders`, {
        body:
          p.provider === 'esimaccess'
            ? { packageCode: p.package, count: p.count }
            : { productCode: p.package, quantity: p.count },
      }),
    text: (r: { orderNo?: string; orderId?: string; codes?: string[] }) =>
      r.orderNo ? `ordered: ${r.orderNo}` : `ordered: ${r.orderId} (codes ${r.codes?.join(', ')})`,
  }),
  'profiles.install': op({
    summary: 'a phone downloads, installs and enables a profile',
    params: z.strictObject({ ...esimOnly, profile: z.string().min(1) }),
    run: (t, p) => control(t, p.provider, profilePath(p.account, p.profile, '/install'), { body: {} }),
    text: (r: Profile) => profileText(r),
  }),
  'profiles.use': op({
    summary: "the phone uses data until this share of the profile's volume is used (e.g. 60%)",
    params: z.strictObject({ ...esimOnly, profile: z.string().min(1), percent }),
    run: async (t, p) => {
      const profile = await control<Profile>(t, p.provider, profilePath(p.account, p.profile));
      const bytes = Math.ceil(profile.totalVolume * p.percent) - profile.orderUsage;
      if (bytes <= 0) return profile;
      return control(t, p.provider, profilePath(p.account, p.profile, '/usage'), { body: { bytes } });
    },
    text: (r: Profile) => profileText(r),
  }),
  'profiles.expire': op({
    summary: 'end the unused period or the validity of a profile now',
    params: z.strictObject({ ...esimOnly, profile: z.string().min(1) }),
    run: (t, p) => control(t, p.provider, profilePath(p.account, p.profile, '/expire'), { body: {} }),
    text: (r: Profile) => profileText(r),
  }),
  'balance.set': op({
    summary: "set an account's balance (1/10,000 USD for eSIM Access, 1/100 credit for iRoamly)",
    params: z.strictObject({ ...base, balance: z.number().int().min(0) }),
    run: (t, p) =>
      control(t, p.provider, `${accountPath(p.account)}/balance`, {
        method: 'PUT',
        body: { balance: p.balance },
      }),
    text: (r: { balance: number }, p) => `balance of ${p.account}: ${r.balance}`,
  }),
  'faults.add': op({
    summary:
      'make matching requests fail: a provider error code, an HTTP status, latency or a dropped socket',
    params: z.strictObject({
      ...base,
      path: z.string().min(1),
      method: z.string().optional(),
      times: z.number().int().min(1).optional(),
      action: FAULT_ACTIONS,
    }),
    run: (t, p) =>
      control(t, p.provider, `${accountPath(p.account)}/faults`, {
        body: { path: p.path, method: p.method, times: p.times, action: p.action },
      }),
    text: (r: { id: string; path: string }) => `added fault ${r.id} on ${r.path}`,
  }),
  'faults.list': op({
    summary: "list an account's faults",
    params: z.strictObject(base),
    run: (t, p) => control(t, p.provider, `${accountPath(p.account)}/faults`),
    text: (r: { faults: { id: string; path: string; action: { type: string } }[] }) =>
      r.faults.length === 0
        ? 'no faults'
        : r.faults.map((f) => `${f.id}  ${f.path}  ${f.action.type}`).join('\n'),
  }),
  'faults.clear': op({
    summary: 'remove every fault of an account',
    params: z.strictObject(base),
    run: (t, p) => control(t, p.provider, `${accountPath(p.account)}/faults`, { method: 'DELETE' }),
    text: (_r: unknown, p) => `cleared the faults of ${p.account}`,
  }),
  'chaos.get': op({
    summary: "an account's seeded chaos: its profile, seed and the faults injected so far",
    params: z.strictObject(base),
    run: (t, p) => control(t, p.provider, `${accountPath(p.account)}/chaos`),
    text: (r: ChaosAnswer, p) => chaosText(r, p.account),
  }),
  'chaos.set': op({
    summary: 'turn seeded chaos on: a profile (gentle, realistic, hostile or a JSON file) and a seed',
    params: z.strictObject({
      ...base,
      profile: chaosProfile,
      seed: z.union([z.string().min(1), z.number().int()]),
    }),
    run: (t, p) =>
      control(t, p.provider, `${accountPath(p.account)}/chaos`, {
        method: 'PUT',
        body: { profile: p.profile, seed: p.seed },
      }),
    text: (r: ChaosAnswer, p) => chaosText(r, p.account),
  }),
  'chaos.clear': op({
    summary: 'turn seeded chaos off',
    params: z.strictObject(base),
    run: (t, p) => control(t, p.provider, `${accountPath(p.account)}/chaos`, { method: 'DELETE' }),
    text: (r: ChaosAnswer, p) => chaosText(r, p.account),
  }),
  'journal.tail': op({
    summary: "the last requests of an account's journal",
    params: z.strictObject({
      ...base,
      limit: z.number().int().min(1).default(20),
      since: z.number().int().optional(),
    }),
    run: (t, p) => {
      const query = new URLSearchParams({ limit: String(p.limit) });
      if (p.since !== undefined) query.set('since', String(p.since));
      return control(t, p.provider, `${accountPath(p.account)}/journal?${query}`);
    },
    text: (r: { entries: JournalEntry[] }) => r.entries.map(journalLine).join('\n'),
  }),
  trigger: op({
    summary: 'make the fake send one event of a type, the way the provider would',
    params: z.strictObject({
      ...base,
      type: z.string().min(1),
      profile: z.string().min(1).optional(),
      package: z.string().min(1).optional(),
    }),
    run: (t, p) =>
      control(t, p.provider, `${accountPath(p.account)}/trigger`, {
        body:
          p.provider === 'esimaccess'
            ? { notifyType: p.type, esimTranNo: p.profile, packageCode: p.package }
            : { type: p.type, redeemCode: p.profile, productCode: p.package },
      }),
    text: (r: TriggerAnswer) => triggerText(r),
  }),
} as const;

export type OperationName = keyof typeof OPERATIONS;
export type OperationParams<N extends OperationName> = z.input<(typeof OPERATIONS)[N]['params']>;

export interface JournalEntry {
  id: string;
  at: number;
  method: string;
  path: string;
  status: number;
  providerCode?: string;
}

export const journalLine = (e: JournalEntry) =>
  `${new Date(e.at).toISOString()}  ${e.method} ${e.path}  ${e.status}${e.providerCode ? ` ${e.providerCode}` : ''}`;

interface TriggerAnswer {
  steps: string[];
  created: Record<string, string | null> | null;
  deliveries?: {
    type: string;
    state: string;
    url: string;
    attempts: { status?: number; error?: string }[];
  }[];
  messages?: { kind: string; to: string; subject: string }[];
  note?: string | null;
}

function triggerText(r: TriggerAnswer): string {
  const lines = r.created
    ? [
        `nothing named, so created: ${Object.entries(r.created)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      ]
    : [];
  lines.push(...r.steps.map((s) => `- ${s}`));
  for (const d of r.deliveries ?? []) {
    const last = d.attempts.at(-1);
    const answer = last
      ? last.status === undefined
        ? (last.error ?? 'no answer')
        : `HTTP ${last.status}`
      : 'not attempted';
    lines.push(`sent ${d.type} to ${d.url}: ${answer} (${d.state})`);
  }
  for (const m of r.messages ?? []) lines.push(`mailed ${m.kind} to ${m.to}: ${m.subject}`);
  if (r.note) lines.push(r.note);
  return lines.join('\n');
}

/** Checks an operation's raw params against its schema; a bad one is a usage error naming the field. */
export function checkOperation(name: OperationName, raw: unknown, where: string = name): unknown {
  const operation = OPERATIONS[name] as unknown as Operation<z.ZodType>;
  const parsed = operation.params.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'params';
  // A value parser's own message already names the field.
  const message = issue.message.startsWith(`${field}:`) ? issue.message : `${field}: ${issue.message}`;
  throw usageError(`${where}: ${message}`);
}

/** Runs one operation by name with raw params (checked first by {@link checkOperation}). */
export async function runOperation(
  target: Target,
  name: OperationName,
  raw: unknown,
  where: string = name,
): Promise<{ result: unknown; text: string }> {
  const operation = OPERATIONS[name] as unknown as Operation<z.ZodType>;
  const params = checkOperation(name, raw, where);
  const result = await operation.run(target, params);
  return { result, text: operation.text(result as never, params) };
}
