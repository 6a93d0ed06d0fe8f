/**
 * @module
 * The package entry: everything `src/index.ts` exports. It sits at the root because the build keeps `src/` and
 * `scenarios/` side by side under `dist/` (the scenarios are exported too).
 */
export * from './src/index.js';
