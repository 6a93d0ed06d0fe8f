/**
 * `node node_modules/@esim-sandbox/emulator/scripts/bundle-bin.mjs src/bin.ts dist/bin.js`, from a fake's
 * build script: bundles the fake's command into one ES module with every dependency inside.
 *
 * Why: Node 20 spends most of a CLI's start-up finding, reading and compiling modules, and the command
 * imports about 250 of them (zod alone is 95). As tsc output it starts in 2.5 to 3 times a bare Hono
 * server's time, as one file in under 2 times, which keeps it under the 500 ms target on a busy machine.
 * Only the bin is bundled: the library entries stay tsc output. The licences of the bundled packages are
 * appended to the file, as they require. Not published (the package ships `dist` only); esbuild is a
 * devDependency of this package.
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

/** CommonJS dependencies (qrcode, pngjs) bundled into an ES module still `require` Node's built-ins. */
const REQUIRE_SHIM = [
  "import { createRequire as __bundleCreateRequire } from 'node:module';",
  'const require = __bundleCreateRequire(import.meta.url);',
].join(' ');

/** The nearest package.json with a name above `file`: the package that file belongs to. */
function packageRoot(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name) return dir;
  }
  return undefined;
}

function licenceText(dir) {
  const file = readdirSync(dir).find((name) => /^licen[cs]e(\.(md|txt))?$/i.test(name));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : undefined;
}

/** One comment listing every bundled third-party package with its licence text. */
function licenceNotice(inputs) {
  const roots = new Set();
  for (const input of inputs) {
    if (!input.includes('node_modules')) continue;
    const root = packageRoot(resolve(input));
    if (root) roots.add(root);
  }
  const sections = [...roots].sort().map((root) => {
    const { name, version, license } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return `${name}@${version} (${license ?? 'see its package'})\n\n${licenceText(root) ?? ''}`.trim();
  });
  const body = sections.join('\n\n---\n\n').replaceAll('*/', '* /');
  return `/*!\n * Bundled packages and their licences:\n\n${body}\n */\n`;
}

async function bundleBin(entry, outfile) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, `${output.text}\n${licenceNotice(Object.keys(result.metafile.inputs))}`);
}

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  process.stderr.write('usage: node bundle-bin.mjs ENTRY OUTFILE\n');
  process.exit(2);
}
await bundleBin(entry, outfile);
