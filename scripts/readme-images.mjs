// Copies the docs' pictures from the last e2e run (test-output/screenshots, written at the default
// window size by test/e2e/workbench.test.mjs for the README and test/e2e/personSide.test.mjs for the
// person's side) into docs/images, each re-written with a palette of 256 colours so it stays small.
// Run the e2e tests first, look at the pictures, then `npm run readme-images` and commit them. A
// picture whose screenshot this run did not make is named and left as it is.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallPng } from './pngPalette.mjs';

const SHOTS = 'test-output/screenshots';
const IMAGES = 'docs/images';
/** Docs picture <- the e2e screenshot it is taken from. */
const PICTURES = {
  'live-conversation.png': 'live-07-flight-risk-hint.png',
  'overview.png': 'cross-note-views.png',
  'quick-fix.png': 'quick-fix-menu.png',
  'themes-report.png': 'themes-report.png',
  'person-preread-sent.png': 'person-02-preread-sent.png',
  'person-their-words-imported.png': 'person-04-imported.png',
  'person-card-their-words.png': 'person-05-card-their-words.png',
  'person-copy-what-we-agreed.png': 'person-07-copy-what-we-agreed.png',
};

const present = Object.entries(PICTURES).filter(([, shot]) => existsSync(join(SHOTS, shot)));
if (present.length === 0) {
  console.error(`No e2e screenshots in ${SHOTS}: run \`npm run test:e2e\` first.`);
  process.exit(1);
}
mkdirSync(IMAGES, { recursive: true });
for (const [picture, shot] of Object.entries(PICTURES)) {
  if (!present.some(([name]) => name === picture)) {
    console.log(`${join(IMAGES, picture)}: kept as it is (no ${shot} in this run)`);
    continue;
  }
  const small = smallPng(readFileSync(join(SHOTS, shot)));
  writeFileSync(join(IMAGES, picture), small);
  console.log(`${join(IMAGES, picture)} <- ${join(SHOTS, shot)} (${Math.round(small.length / 1024)} KB)`);
}
