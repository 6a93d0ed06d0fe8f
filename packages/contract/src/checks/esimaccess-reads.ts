/**
 * eSIM Access checks that spend nothing: the balance, the catalogue and its filters, and requests with deliberately
 * wrong auth (each refusal must carry the provider's documented code).
 * @module
 */
import { esimAccessEndpoints } from '@esim-sandbox/core';
import { CheckSkipped } from '../errors.js';
import type { Check, Observation } from '../runner/types.js';
import { type EsimAccessContext, envelopeFacts } from './esimaccess-context.js';

type EsimAccessCheck = Check<EsimAccessContext>;

const BALANCE_PATH = esimAccessEndpoints.getBalance.path;

export const splitLocation = (location: string) =>
  location
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
const unique = (values: readonly string[]) => new Set(values).size === values.length;

/** The account's balance in 1/10,000 USD. */
export async function balance(ctx: EsimAccessContext): Promise<number> {
  return (await ctx.client.getBalance()).balance;
}

async function rawBalance(ctx: EsimAccessContext, headers: Record<string, string>): Promise<Observation> {
  return { facts: envelopeFacts((await ctx.raw(BALANCE_PATH, '{}', headers)).json) };
}

export const catalogueChecks: EsimAccessCheck[] = [
  {
    id: 'balance.read',
    title: 'The balance reads as a non-negative integer in 1/10,000 USD',
    expected: { integer: true, nonNegative: true },
    run: async (ctx) => {
      const value = await balance(ctx);
      return { facts: { integer: Number.isSafeInteger(value), nonNegative: value >= 0 } };
    },
  },
  {
    id: 'packages.list',
    title:
      'The package list without filters is non-empty, in USD, with unique codes (top-ups included or not)',
    expected: { nonEmpty: true, currencyUsd: true, uniqueCodes: true },
    run: async (ctx) => {
      const packages = await ctx.client.listPackages();
      return {
        facts: {
          nonEmpty: packages.length > 0,
          currencyUsd: packages.every((p) => p.currencyCode === 'USD'),
          uniqueCodes: unique(packages.map((p) => p.packageCode)),
          includesTopUps: packages.some((p) => p.packageCode.startsWith('TOPUP_')),
        },
        note: `${packages.length} packages`,
      };
    },
  },
  {
    id: 'packages.filter.location',
    title: 'Filtering by a country lists only packages for that country, all of them in the BASE list',
    expected: { nonEmpty: true, subsetOfBaseList: true, allForTheCountry: true },
    run: async (ctx) => {
      const base = await ctx.basePackages();
      const country = base.map((p) => splitLocation(p.location)).find((codes) => codes.length === 1)?.[0];
      if (!country) throw new CheckSkipped('no single-country package in the BASE list');
      const codes = new Set(base.map((p) => p.packageCode));
      const filtered = await ctx.client.listPackages({ locationCode: country, type: 'BASE' });
      return {
        facts: {
          nonEmpty: filtered.length > 0,
          subsetOfBaseList: filtered.every((p) => codes.has(p.packageCode)),
          allForTheCountry: filtered.every((p) => splitLocation(p.location).includes(country)),
        },
        note: `${country}: ${filtered.length} packages`,
      };
    },
  },
  {
    id: 'packages.filter.topup',
    title: 'type TOPUP lists only codes starting with TOPUP_, none of them in the BASE list',
    expected: { allPrefixed: true, noneInBaseList: true },
    run: async (ctx) => {
      const codes = new Set((await ctx.basePackages()).map((p) => p.packageCode));
      const topUps = await ctx.client.listPackages({ type: 'TOPUP' });
      return {
        facts: {
          nonEmpty: topUps.length > 0,
          allPrefixed: topUps.every((p) => p.packageCode.startsWith('TOPUP_')),
          noneInBaseList: topUps.every((p) => !codes.has(p.packageCode)),
        },
      };
    },
  },
  {
    id: 'packages.filter.code',
    title: 'Filtering by packageCode lists exactly that package, as the full list shows it',
    expected: { exactlyThatOne: true, sameAsListed: true },
    run: async (ctx) => {
      const [first] = await ctx.basePackages();
      if (!first) throw new CheckSkipped('the BASE list is empty');
      const found = await ctx.client.listPackages({ packageCode: first.packageCode });
      return {
        facts: {
          exactlyThatOne: found.length === 1 && found[0]?.packageCode === first.packageCode,
          sameAsListed: JSON.stringify(found[0]) === JSON.stringify(first),
        },
      };
    },
  },
  {
    id: 'locations.list',
    title:
      'The location list has unique codes: ISO2 countries (type 1) and regions (type 2) with their members',
    expected: { nonEmpty: true, uniqueCodes: true, countriesIso2: true, regionsHaveMembers: true },
    run: async (ctx) => {
      const locations = await ctx.client.listLocations();
      const regions = locations.filter((l) => l.type === 2);
      return {
        facts: {
          nonEmpty: locations.length > 0,
          uniqueCodes: unique(locations.map((l) => l.code)),
          countriesIso2: locations.filter((l) => l.type === 1).every((l) => /^[A-Z]{2}$/.test(l.code)),
          regionsHaveMembers: regions.every((l) => (l.subLocationList ?? l.subLocation ?? []).length > 0),
        },
        note: `${locations.length} locations, ${regions.length} regions`,
      };
    },
  },
];

export const authChecks: EsimAccessCheck[] = [
  {
    id: 'auth.missing-headers',
    title: 'A request without RT-AccessCode is refused with 000101',
    expected: { success: false, errorCode: '000101' },
    run: (ctx) => rawBalance(ctx, { 'Content-Type': 'application/json' }),
  },
  {
    id: 'auth.access-code-only',
    title: 'A request with RT-AccessCode alone: the docs allow it, the mock requires a signature by default',
    run: (ctx) =>
      rawBalance(ctx, {
        'Content-Type': 'application/json',
        'RT-AccessCode': ctx.target.credentials.accessCode,
      }),
  },
  {
    id: 'auth.wrong-signature',
    title: 'A request signed with the wrong secret key is refused with 101003',
    expected: { success: false, errorCode: '101003' },
    run: (ctx) =>
      rawBalance(ctx, ctx.signedHeaders('{}', { secretKey: `${ctx.target.credentials.secretKey}-wrong` })),
  },
  {
    id: 'auth.expired-timestamp',
    title: 'A correctly signed request whose RT-Timestamp is 20 minutes old is refused with 101001',
    expected: { success: false, errorCode: '101001' },
    run: (ctx) => rawBalance(ctx, ctx.signedHeaders('{}', { timestamp: Date.now() - 20 * 60_000 })),
  },
  {
    id: 'auth.unknown-access-code',
    title:
      'An access code no account has: which code comes back (the mock says 401001, seen in one integration)',
    run: (ctx) =>
      rawBalance(ctx, ctx.signedHeaders('{}', { accessCode: 'esim-sandbox-unknown-access-code' })),
  },
];
