#!/usr/bin/env node
// The monorepo's entry: loads the TypeScript sources through tsx. The published package runs dist/bin.js instead.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
