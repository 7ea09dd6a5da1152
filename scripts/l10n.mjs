// Writes l10n/bundle.l10n.json: every vscode.l10n.t string in src (found by @vscode/l10n-dev), every
// message of the core catalogue (src/core/base/messages.ts) and the note fields' descriptions from
// schemas/conversation.schema.json, so translators get one bundle for everything the extension shows. The English text is the key, as vscode.l10n.t looks it up.
// Usage: node scripts/l10n.mjs            rewrites the bundle
//        node scripts/l10n.mjs --check    exits 1 when the committed bundle is stale
//        node scripts/l10n.mjs --pseudo <dir>
//                                         writes <dir>/l10n/bundle.l10n.qps-ploc.json and
//                                         <dir>/package.nls.qps-ploc.json, every string pseudo-localised
import { getL10nJson, getL10nPseudoLocalized } from '@vscode/l10n-dev';
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'l10n/bundle.l10n.json');

function typeScriptFiles(dir) {
  return readdirSync(dir).sort().flatMap(name => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return typeScriptFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** The core catalogue's English texts, read by running the catalogue itself (it imports nothing). */
async function catalogueMessages() {
  const built = await esbuild.build({ entryPoints: [join(ROOT, 'src/core/base/messages.ts')], bundle: true, format: 'esm', write: false, logLevel: 'error' });
  const module = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
  return Object.values(module.MESSAGES);
}

/** The bundle as it should be: the editor's strings first (in source order), then the core catalogue's. */
export async function expectedBundle() {
  const files = typeScriptFiles(join(ROOT, 'src')).map(file => ({ extension: '.ts', contents: readFileSync(file, 'utf8') }));
  const bundle = { ...await getL10nJson(files) };
  for (const english of await catalogueMessages()) bundle[english] ??= english;
  // The note fields' descriptions (hover, completion, "is missing" problems) come from the schema.
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/conversation.schema.json'), 'utf8'));
  for (const field of Object.values(schema.properties)) if (field.description) bundle[field.description] ??= field.description;
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

async function main(args) {
  const expected = await expectedBundle();
  if (args[0] === '--check') {
    let committed = '';
    try { committed = readFileSync(BUNDLE, 'utf8'); } catch { /* missing counts as stale */ }
    if (committed === expected) return 0;
    console.error('l10n/bundle.l10n.json is stale: run `npm run l10n` and commit the result.');
    return 1;
  }
  if (args[0] === '--pseudo') {
    const target = resolve(args[1] ?? ROOT);
    const pseudo = data => `${JSON.stringify(getL10nPseudoLocalized(data), null, 2)}\n`;
    mkdirSync(join(target, 'l10n'), { recursive: true });
    writeFileSync(join(target, 'l10n/bundle.l10n.qps-ploc.json'), pseudo(JSON.parse(expected)));
    writeFileSync(join(target, 'package.nls.qps-ploc.json'), pseudo(JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'))));
    return 0;
  }
  mkdirSync(dirname(BUNDLE), { recursive: true });
  writeFileSync(BUNDLE, expected);
  console.log(`l10n/bundle.l10n.json: ${Object.keys(JSON.parse(expected)).length} strings`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
