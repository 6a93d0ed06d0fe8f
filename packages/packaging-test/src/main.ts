/**
 * `pnpm --filter @esim-sandbox/packaging-test prepare-consumer`: packs and installs exactly as the packaging test
 * does, then leaves the temporary projects in place to look around or run the example app by hand.
 * @module
 */
import { prepareConsumers } from './prepare.js';

const prepared = await prepareConsumers();
process.stdout.write(
  [
    `tarballs:     ${[...prepared.tarballs.values()].join('\n              ')}`,
    `consumer:     ${prepared.consumerDir}`,
    `reseller-app: ${prepared.appDir}   (cd there; npm test)`,
    `timings (s):  ${JSON.stringify(prepared.timings)}`,
    `remove with:  rm -rf ${prepared.root}`,
    '',
  ].join('\n'),
);
