// Copies the README's pictures from the last e2e run (test-output/screenshots, written by
// test/e2e/workbench.test.mjs in the packaged extension at the default window size) into docs/images.
// Run `npm run test:e2e` first, look at the pictures, then `npm run readme-images` and commit them.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SHOTS = 'test-output/screenshots';
const IMAGES = 'docs/images';
/** README picture <- the e2e screenshot it is taken from. */
const PICTURES = {
  'live-conversation.png': 'live-07-flight-risk-hint.png',
  'overview.png': 'cross-note-views.png',
  'quick-fix.png': 'quick-fix-menu.png',
  'themes-report.png': 'themes-report.png',
};

const missing = Object.values(PICTURES).filter(shot => !existsSync(join(SHOTS, shot)));
if (missing.length > 0) {
  console.error(`No e2e screenshot ${missing.join(', ')} in ${SHOTS}: run \`npm run test:e2e\` first.`);
  process.exit(1);
}
mkdirSync(IMAGES, { recursive: true });
for (const [picture, shot] of Object.entries(PICTURES)) {
  copyFileSync(join(SHOTS, shot), join(IMAGES, picture));
  console.log(`${join(IMAGES, picture)} <- ${join(SHOTS, shot)}`);
}
