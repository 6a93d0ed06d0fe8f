#!/usr/bin/env node
/**
 * @module
 * `iroamly-mock --port 4020`: prints `listening on http://127.0.0.1:4020` when ready.
 */
import { runIroamlyCli } from './cli.js';

await runIroamlyCli();
