/**
 * Folder-level import cycles inside each package's src (issue #18): `pnpm test` runs
 * `depcruise --config .dependency-cruiser.cjs packages apps` and fails on any cycle not listed below.
 */

/**
 * Known folder cycles, as `from folder: [to folders]` edges, in packages other branches are refactoring right now
 * (issue #18 points 1, 2 and 7; the playground's dashboard). Remove an entry once its cycle is gone: the
 * check then keeps it gone. Any edge not listed here that closes a cycle fails the check.
 */
const KNOWN_CYCLES = {
  // esimaccess-mock: mock<->http, mock<->routes, mock<->control (provider kit, point 1)
  'packages/esimaccess-mock/src/control': [
    'packages/esimaccess-mock/src/http',
    'packages/esimaccess-mock/src/mock',
  ],
  'packages/esimaccess-mock/src/http': ['packages/esimaccess-mock/src/mock'],
  'packages/esimaccess-mock/src/mock': [
    'packages/esimaccess-mock/src/control',
    'packages/esimaccess-mock/src/http',
    'packages/esimaccess-mock/src/routes',
  ],
  'packages/esimaccess-mock/src/routes': [
    'packages/esimaccess-mock/src/http',
    'packages/esimaccess-mock/src/mock',
  ],
  // emulator: everything around src/emulator (createEmulator split, point 2), and control<->server<->tenants
  'packages/emulator/src/control': [
    'packages/emulator/src/emulator',
    'packages/emulator/src/server',
    'packages/emulator/src/tenants',
  ],
  'packages/emulator/src/emulator': [
    'packages/emulator/src/control',
    'packages/emulator/src/journal',
    'packages/emulator/src/openapi',
    'packages/emulator/src/persistence',
    'packages/emulator/src/server',
    'packages/emulator/src/tenants',
  ],
  'packages/emulator/src/journal': ['packages/emulator/src/server'],
  'packages/emulator/src/openapi': ['packages/emulator/src/control'],
  'packages/emulator/src/persistence': ['packages/emulator/src/control', 'packages/emulator/src/tenants'],
  'packages/emulator/src/server': ['packages/emulator/src/control', 'packages/emulator/src/emulator'],
  'packages/emulator/src/tenants': ['packages/emulator/src/journal'],
  // playground: dashboard<->server, server<->sink, scenario<->src (dashboard and msw glue work)
  'apps/playground/src': ['apps/playground/src/scenario', 'apps/playground/src/server'],
  'apps/playground/src/dashboard': ['apps/playground/src/server', 'apps/playground/src/server/views'],
  'apps/playground/src/dashboard/render': [
    'apps/playground/src/dashboard',
    'apps/playground/src/server',
    'apps/playground/src/server/views',
  ],
  'apps/playground/src/scenario': [
    'apps/playground/src',
    'apps/playground/src/server',
    'apps/playground/src/sink',
  ],
  'apps/playground/src/server': [
    'apps/playground/src',
    'apps/playground/src/dashboard',
    'apps/playground/src/dashboard/render',
    'apps/playground/src/sink',
  ],
  'apps/playground/src/server/views': ['apps/playground/src/server'],
  'apps/playground/src/sink': ['apps/playground/src/server'],
};

const exactly = (paths) => `^(${paths.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'A folder of a package src imports a folder that (indirectly) imports it back.',
      severity: 'error',
      scope: 'folder',
      from: { pathNot: exactly(Object.keys(KNOWN_CYCLES)) },
      to: { circular: true },
    },
    ...Object.entries(KNOWN_CYCLES).map(([from, known]) => ({
      name: 'no-folder-cycle',
      comment: `Known cycles from ${from} are listed in KNOWN_CYCLES; any other is new.`,
      severity: 'error',
      scope: 'folder',
      from: { path: exactly([from]) },
      to: { circular: true, pathNot: exactly(known) },
    })),
  ],
  options: {
    includeOnly: '^(packages|apps)/[^/]+/src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
