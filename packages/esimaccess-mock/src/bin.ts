#!/usr/bin/env node
/**
 * Entry of the `esimaccess-mock` bin (`node --import tsx src/bin.ts --port 4010`).
 * @module
 */
import { runEsimAccessCli } from './cli.js';

await runEsimAccessCli();
