/**
 * Control routes directly under `/_sandbox/` (not tied to one account): the auth settings every account shares,
 * read and changed at run time. Changes live in memory: a restart takes the options (or CLI flags) again.
 * @module
 */
import { answer, type ControlRoute, controlRoute } from '@esim-sandbox/emulator';
import type { Env } from 'hono';
import { z } from 'zod';
import { setAuth } from '../http/auth.js';
import { ESIM_ACCESS_SIGNATURE_MODES, ESIM_ACCESS_TIMESTAMP_CLOCKS } from '../runtime/fidelity.js';
import type { EsimAccessRuntime } from '../runtime/runtime.js';

export const authInputSchema = z.strictObject({
  signature: z.enum(ESIM_ACCESS_SIGNATURE_MODES).optional(),
  timestampClock: z.enum(ESIM_ACCESS_TIMESTAMP_CLOCKS).optional(),
  timestampWindowMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  singleUseRequestId: z.boolean().optional(),
});

function view(rt: EsimAccessRuntime) {
  return { fidelity: rt.fidelity, auth: rt.auth };
}

export function esimAccessGlobalControlRoutes(rt: EsimAccessRuntime): ControlRoute<Env>[] {
  const route = controlRoute<Env>();
  return [
    route({
      method: 'get',
      path: '/auth',
      summary: 'Auth settings of every account',
      response: {
        description:
          '`{ fidelity, auth: { signature, timestampClock, timestampWindowMs, singleUseRequestId, ipAllowlist, unknownAccessCode } }`',
      },
      handle: (c) => answer(c, 200, view(rt)),
    }),
    route({
      method: 'put',
      path: '/auth',
      summary: 'Change auth settings (the fields given)',
      description:
        '`signature`: access-code-only | hmac | unverified; `timestampClock`: caller | virtual (changing it forgets ' +
        'the RT-RequestIDs seen); `timestampWindowMs`; `singleUseRequestId`.',
      body: authInputSchema,
      response: { description: 'The settings now in force, as GET answers them.' },
      handle: (c, { body }) => {
        setAuth(rt, body);
        return answer(c, 200, view(rt));
      },
    }),
  ];
}
