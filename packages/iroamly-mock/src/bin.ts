#!/usr/bin/env node
/**
 * @module
 * `iroamly-mock --port 4020`: prints `listening on http://127.0.0.1:4020` when ready. The published
 * `dist/bin.js` is this file bundled with everything it imports (the build's last step), which starts faster.
 */
import { runIroamlyCli } from './cli.js';

await runIroamlyCli();
