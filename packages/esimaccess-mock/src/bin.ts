#!/usr/bin/env node
/**
 * Entry of the `esimaccess-mock` bin (`node --import tsx src/bin.ts --port 4010` in the workspace). The
 * published `dist/bin.js` is this file bundled with everything it imports (the build's last step), which
 * starts faster.
 * @module
 */
import { runEsimAccessCli } from './cli.js';

await runEsimAccessCli();
