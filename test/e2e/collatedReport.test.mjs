// The collated org report (growth collate --out report.html) opened in headless Chromium, as a
// manager would open the CI artifact: charts drawn, nothing fetched, nothing blocked. Screenshot:
// test-output/screenshots/collated-report.png.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeSandbox, openBrowser, OUTPUT, removeSandbox, ROOT } from '../../scripts/vscode-server.mjs';

const SHOTS = join(OUTPUT, 'screenshots');
const CORPUS = join(ROOT, 'test/fixtures/collation');

function cli(...args) {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { encoding: 'utf8', cwd: ROOT });
  assert.equal(result.status, 0, `growth ${args.join(' ')}: ${result.stderr}`);
  return result;
}

describe('the collated report in a browser', () => {
  let sandbox;
  let browser;

  before(() => {
    mkdirSync(SHOTS, { recursive: true });
    sandbox = makeSandbox('growth-collate-e2e-');
  });
  after(async () => {
    await browser?.close();
    removeSandbox(sandbox);
  });

  it('draws its charts from inline SVG, loads nothing, and is readable (screenshot)', async () => {
    const digests = join(sandbox, 'digests');
    mkdirSync(digests);
    for (const manager of ['dana-reyes', 'omar-haddad', 'mei-chen']) {
      cli('digest', join(CORPUS, manager), '--vocabulary', join(CORPUS, 'growth-themes.yaml'), '--label', manager, '--out', join(digests, `${manager}.json`));
    }
    const report = join(sandbox, 'report.html');
    cli('collate', digests, '--vocabulary', join(CORPUS, 'growth-themes.yaml'), '--out', report);

    browser = await openBrowser(sandbox, 'collate');
    const page = browser.pages()[0] ?? await browser.newPage();
    const requests = [];
    const complaints = [];
    page.on('request', request => requests.push(request.url()));
    page.on('console', message => { if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) complaints.push(message.text()); });
    page.on('pageerror', error => complaints.push(error.message));
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(pathToFileURL(report).href);

    assert.equal(await page.locator('h1').textContent(), 'Growth themes across teams, 2026-Q4');
    const chart = page.locator('svg[aria-label="People per theme over the last four quarters"]');
    const box = await chart.boundingBox();
    // Only themes at least three people raised are drawn, so the chart's height follows how many there are.
    assert.ok(box && box.width > 600 && box.height > 100, `the theme chart is drawn (${JSON.stringify(box)})`);
    // Four bars per theme (one per quarter), with their labels as text a person can read.
    // Themes that reach the minimum of three people across the digests: four here, with the digests' vocabulary.
    const themes = await chart.locator('text.label').count();
    assert.equal(themes, 4);
    assert.equal(await chart.locator('rect[height="5"]').count(), themes * 4);
    assert.ok((await chart.locator('text.label').first().textContent()).startsWith('ci speed'));
    assert.ok(await page.locator('svg[aria-label="People per team"]').isVisible());
    assert.match(await page.locator('table').first().innerText(), /on-call load ★\s+19\s+3\s+3\s+growing \(13 before\)\s+in progress Platform leads/);
    await page.screenshot({ path: join(SHOTS, 'collated-report.png'), fullPage: true });

    assert.deepEqual(requests.filter(url => !url.startsWith('file:')), [], 'nothing is fetched from anywhere');
    assert.deepEqual(complaints, [], 'no error and nothing blocked by the page\'s policy');
  });
});
