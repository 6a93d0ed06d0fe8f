/**
 * @module
 * The chaos control routes of every account, as one table: served by the control app and described in the control
 * document from the same entries.
 */
import { type ControlRoute, controlRoute } from '../openapi/control-routes.js';
import type { AccountEnv } from '../types/provider.js';
import { chaosSettingSchema } from './profile.js';

/** For any account type: chaos reads nothing of the provider's state. */
export function chaosRoutes<S, P>(): ControlRoute<AccountEnv<S, P>>[] {
  const route = controlRoute<AccountEnv<S, P>>();
  return [
    route({
      method: 'get',
      path: '/chaos',
      tag: 'chaos',
      summary: 'Seeded chaos of the account',
      response: {
        description: '`{ chaos: null }` or `{ chaos: { profile, seed, injected } }` (the profile resolved)',
      },
      handle: (c) => c.json({ chaos: c.var.tenant.chaos.get() }),
    }),
    route({
      method: 'put',
      path: '/chaos',
      tag: 'chaos',
      summary: 'Turn seeded chaos on: a profile and a seed',
      description:
        '`profile` is `gentle`, `realistic`, `hostile` or a whole profile object. Sequence numbers start again, so ' +
        'the same seed and the same calls from here give the same faults.',
      body: chaosSettingSchema,
      response: { description: '`{ chaos: { profile, seed, injected } }`' },
      handle: (c, { body }) => c.json({ chaos: c.var.tenant.chaos.set(body) }),
    }),
    route({
      method: 'delete',
      path: '/chaos',
      tag: 'chaos',
      summary: 'Turn seeded chaos off',
      response: { description: '`{ chaos: null }`' },
      handle: (c) => {
        c.var.tenant.chaos.clear();
        return c.json({ chaos: null });
      },
    }),
  ];
}
