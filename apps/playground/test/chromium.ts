/**
 * Which Chromium the browser test drives, never downloading one at run time: `CHROMIUM_PATH` when set, else
 * Debian's `/usr/bin/chromium` when installed, else the headless Chromium that ships inside the
 * `@sparticuz/chromium` npm package (a normal dev dependency, unpacked to the temp folder on first use), so the
 * README's test command passes on a machine with only Node.js and npm. Fails, never skips, when none can be had.
 */
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumChoice {
  executablePath: string;
  /** Where it came from, for the failure message and the test log. */
  source: 'CHROMIUM_PATH' | 'debian' | '@sparticuz/chromium';
}

export async function resolveChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (!existsSync(given)) throw new Error(`CHROMIUM_PATH is ${given}, which does not exist.`);
    return { executablePath: given, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: 'debian' };
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return { executablePath: await packaged.executablePath(), source: '@sparticuz/chromium' };
  } catch (error) {
    throw new Error(
      `No Chromium: ${DEBIAN_CHROMIUM} is not installed and the packaged one (@sparticuz/chromium) could not be unpacked (${String(error)}). Run the install again, install Debian's chromium, or set CHROMIUM_PATH. This test never downloads a browser.`,
    );
  }
}
