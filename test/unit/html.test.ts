import * as assert from 'node:assert/strict';
import { isSafeUrl, markdownToHtml } from '../../src/core/outputs';

describe('HTML pages that are safe anywhere', () => {
  it('keeps web, mail and relative links and removes every other scheme', () => {
    for (const url of ['https://example.com/a?b#c', 'http://x', 'mailto:a@b.c', './notes.md', '../a', '#section', '?q=1', '/root', 'a/b:c']) assert.ok(isSafeUrl(url), url);
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:x', ' javascript:x', 'java\u0000script:x', 'data:text/html,<b>', 'vbscript:x', 'file:///etc/passwd', 'vscode://x', 'command:workbench.action.quit']) {
      assert.ok(!isSafeUrl(url), url);
    }
  });

  it('removes unsafe link and image targets from the page, keeping their text', () => {
    const html = markdownToHtml('[a](javascript:alert(1)) [b](&#106;avascript:x) ![c](data:image/png;base64,AAAA) [d](https://ok.example) <javascript:x>\n\n[e]: vbscript:y\n\n[f][e]', 'T');
    assert.doesNotMatch(html, /(href|src)="[^"]*(script|data):/i);
    assert.match(html, /<a>javascript:x<\/a>/);
    assert.match(html, /<a>a<\/a>/);
    assert.match(html, /<a href="https:\/\/ok\.example">d<\/a>/);
    assert.match(html, /<a>f<\/a>/);
  });

  it('never renders the frontmatter as a heading', () => {
    const html = markdownToHtml('---\ntype: growth-shared-copy\nperson: Alex\n---\n\n# Title\n', 'T');
    assert.doesNotMatch(html, /<h2>|<hr>|type: growth/);
    assert.match(html, /<h1>Title<\/h1>/);
  });
});
