// Bundles the extension (for Node, and for a browser's web worker) and the CLI with esbuild; with
// --tests also the unit and integration suites. remark and unified are ESM-only: bundling them into
// CommonJS is what lets VS Code and mocha load them.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { schemaValidatorsPlugin } from './schemaValidators.mjs';

const args = new Set(process.argv.slice(2));

/**
 * The note reader's version: a hash of its source (src/core/note and src/core/base) and of the parser
 * versions it uses, so a cached summary made by an older reader is never reused. Set at build time; nobody bumps it by hand.
 */
function readerVersion() {
  const hash = createHash('sha256');
  // The reader's own source, what it builds on (theme names, positions), and the parsers it calls.
  for (const file of [...filesUnder('src/core/note', '.ts'), ...filesUnder('src/core/base', '.ts')].sort()) hash.update(file).update(readFileSync(file));
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages ?? {};
  for (const name of Object.keys(lock).filter(path => /node_modules\/(remark|micromark|mdast|yaml$|decode-named)/.test(path)).sort()) hash.update(`${name}@${lock[name].version}`);
  return hash.digest('hex').slice(0, 12);
}
const production = args.has('--production');
const common = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  sourcemap: production ? false : 'linked', minify: production, logLevel: args.has('--quiet') ? 'error' : 'warning',
  legalComments: 'none',
  define: { __READER_VERSION__: JSON.stringify(readerVersion()) },
  // The JSON Schemas' validators, compiled once here for every bundle (no code generation at run time).
  plugins: [schemaValidatorsPlugin()],
};

/**
 * The browser entry (vscode.dev, github.dev): a web worker runs it, with no Node built-ins and no
 * code generation. Platform browser without polyfills makes any Node module on its path a build error;
 * the check below (from esbuild's metafile) also fails on anything left for run time but `vscode`.
 */
const web = {
  ...common, platform: 'browser', format: 'cjs', target: 'es2022', mainFields: ['browser', 'module', 'main'],
  // A worker has no DOM: packages that ship a worker build (decode-named-character-reference) must give that one.
  conditions: ['worker'],
  entryPoints: ['src/webExtension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], metafile: true,
  plugins: [...common.plugins, noProgramsInTheBrowser()],
};

/** Git and the store's filter are programs; in the browser `child_process` is a stand-in that refuses (scripts/web). */
function noProgramsInTheBrowser() {
  return {
    name: 'no-programs-in-the-browser',
    setup(build) {
      build.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: resolve('scripts', 'web', 'child_process.cjs') }));
    },
  };
}

async function buildWeb() {
  const result = await esbuild.build(web);
  const imports = Object.values(result.metafile.outputs).flatMap(output => output.imports);
  const external = [...new Set(imports.filter(found => found.external).map(found => found.path))].filter(name => name !== 'vscode');
  if (external.length > 0) throw new Error(`The web build still requires ${external.join(', ')}: a web worker has none of them.`);
  return result;
}

function filesUnder(dir, suffix) {
  let found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found = found.concat(filesUnder(full, suffix));
    else if (name.endsWith(suffix)) found.push(full);
  }
  return found;
}

const builds = [
  esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  buildWeb(),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The protected store's filter and set-up, for the .vsix (which does not carry the CLI).
  esbuild.build({ ...common, entryPoints: ['src/cli/storeMain.ts'], outfile: 'dist/store.js' }),
];
if (args.has('--tests')) {
  rmSync('out/test', { recursive: true, force: true });
  builds.push(esbuild.build({ ...common, sourcemap: 'inline', entryPoints: filesUnder('test/unit', '.test.ts'), outdir: 'out/test/unit', outbase: 'test/unit',
    // commonmark-spec reads its spec.txt next to itself at run time, so it stays in node_modules.
    external: ['mocha', 'commonmark-spec'] }));
  builds.push(esbuild.build({ ...common, sourcemap: 'inline', entryPoints: [...filesUnder('test/integration', '.ts')], outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] }));
}
if (args.has('--fuzz')) {
  builds.push(esbuild.build({ ...common, sourcemap: false, entryPoints: ['test/fuzz/campaign.ts'], outfile: 'out/fuzz.js' }));
}
if (args.has('--bench')) {
  // Top-level await in the benchmark needs an ES module.
  builds.push(esbuild.build({ ...common, format: 'esm', sourcemap: false, entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench.mjs',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } }));
  builds.push(esbuild.build({ ...common, sourcemap: false, entryPoints: ['test/bench/collateBench.ts'], outfile: 'out/collateBench.js' }));
}
await Promise.all(builds);
