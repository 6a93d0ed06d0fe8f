/**
 * Facts that live in one table and are derived everywhere else: read or write per endpoint (core's endpoint table),
 * and the control API's status per refusal (core's error table `kind` -> the engine's status table). Each test
 * fails when a table and one of its users disagree.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ESIM_ACCESS_HEADERS,
  type EsimAccessEndpointName,
  esimAccessEndpoints,
  esimAccessSignatureHeaders,
} from '@esim-sandbox/core';
import { CONTROL_ERROR_STATUS } from '@esim-sandbox/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { esimAccessControlKind } from '../src/control/routes.js';
import { createEsimAccessMock, type EsimAccessMock } from '../src/index.js';

const names = Object.keys(esimAccessEndpoints) as EsimAccessEndpointName[];

function signed(mock: EsimAccessMock, body: string): Record<string, string> {
  const input = {
    timestamp: Date.now(),
    requestId: randomUUID(),
    accessCode: mock.accessCode,
    secretKey: mock.secretKey,
    body,
  };
  return {
    ...esimAccessSignatureHeaders(input),
    [ESIM_ACCESS_HEADERS.accessCode]: mock.accessCode,
    'content-type': 'application/json',
  };
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('read or write per endpoint, from the endpoint table', () => {
  it.each(names.map((name) => [name, esimAccessEndpoints[name].retry === 'read'] as const))(
    '%s (read: %s) saves the state file exactly when the table says it writes',
    async (name, read) => {
      dir = await mkdtemp(join(tmpdir(), 'esimaccess-read-write-'));
      const stateFile = join(dir, 'state.json');
      // Every save stamps a later savedAt, so any save shows in the file's bytes.
      let now = Date.UTC(2025, 5, 1);
      const mock = createEsimAccessMock({ clock: 'manual', stateFile, realNow: () => (now += 1_000) });
      try {
        await mock.emulator.persist();
        const before = await readFile(stateFile, 'utf8');
        const body = '{}';
        const res = await mock.request(esimAccessEndpoints[name].path, {
          method: 'POST',
          headers: signed(mock, body),
          body,
        });
        expect(res.status).toBe(200);
        await mock.emulator.idle();
        const after = await readFile(stateFile, 'utf8');
        if (read) expect(after).toBe(before);
        else expect(after).not.toBe(before);
      } finally {
        await mock.close();
      }
    },
  );
});

describe("control refusal statuses, from the error table's kind", () => {
  const mock = createEsimAccessMock({ clock: 'manual' });
  const account = '/_sandbox/accounts/default';
  it.each([
    ['an unknown order', 'GET', `${account}/orders/NOPE`, undefined, 'not_found'],
    ['an unknown profile', 'POST', `${account}/profiles/NOPE/install`, '{}', 'not_found'],
    ['an unknown package', 'PUT', `${account}/stock/NOPE`, '{"count":1}', 'not_found'],
  ] as const)('%s is refused with the status of its code kind', async (_what, method, path, body, kind) => {
    const res = await mock.request(path, { method, ...(body ? { body } : {}) });
    const { error } = (await res.json()) as { error: { code: string } };
    expect(esimAccessControlKind(error.code)).toBe(kind);
    expect(res.status).toBe(CONTROL_ERROR_STATUS[kind]);
  });

  it('documents each refusal with the status it answers', async () => {
    const doc = (await (await mock.request('/_sandbox/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const install = doc.paths['/_sandbox/accounts/{account}/profiles/{esimTranNo}/install']?.post;
    expect(Object.keys(install?.responses ?? {})).toEqual(
      expect.arrayContaining([String(CONTROL_ERROR_STATUS.not_found), String(CONTROL_ERROR_STATUS.conflict)]),
    );
  });
});
