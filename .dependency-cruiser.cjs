/**
 * Folder-level import cycles inside each package's src (issue #18): `pnpm test` runs
 * `depcruise --config .dependency-cruiser.cjs packages apps` and fails on any. Each package's README says which
 * way its folders depend.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycle',
      comment: 'A folder of a package src imports a folder that (indirectly) imports it back.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^(packages|apps)/[^/]+/src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
