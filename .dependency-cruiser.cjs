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
  // iroamly-mock: mock<->control, mock<->routes, routes->control (provider kit, point 1)
  'packages/iroamly-mock/src/control': [
    'packages/iroamly-mock/src/mock',
    'packages/iroamly-mock/src/operations',
  ],
  'packages/iroamly-mock/src/mock': [
    'packages/iroamly-mock/src/control',
    'packages/iroamly-mock/src/operations',
    'packages/iroamly-mock/src/routes',
  ],
  'packages/iroamly-mock/src/operations': ['packages/iroamly-mock/src/mock'],
  'packages/iroamly-mock/src/routes': [
    'packages/iroamly-mock/src/control',
    'packages/iroamly-mock/src/mock',
    'packages/iroamly-mock/src/operations',
  ],
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
