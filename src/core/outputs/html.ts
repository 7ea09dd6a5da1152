import type { Element, Nodes, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { msg } from '../base';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
blockquote{margin:0;padding-left:1rem;border-left:.25rem solid #d0d7de;color:#59636e}code{background:#f6f8fa;padding:0 .2rem}`;

/**
 * A self-contained HTML page from Markdown: raw HTML in the Markdown is dropped, nothing is loaded
 * from anywhere (the page's own policy forbids it), so the file can be opened or mailed safely.
 */
export function markdownToHtml(markdown: string, title: string): string {
  // A table laid out in full can grow the page a thousandfold (every row padded to the header's
  // width): past a budget of cells the page shows the Markdown as plain text instead.
  const body = tableCells(markdown) > MAX_TABLE_CELLS
    ? `<p>${escapeHtml(msg('html.tableTooLarge'))}</p>\n<pre>${escapeHtml(markdown)}</pre>`
    // The frontmatter is read as such (and left out of the page), never as a rule and a heading.
    : String(unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkRehype).use(() => keepSafeUrls)
      .use(rehypeStringify).processSync(markdown));
  return htmlPage(title, STYLE, body);
}

/**
 * A self-contained page: its policy allows nothing but inline styles (no script, no request), so it
 * works offline and can be mailed. `body` is HTML already made safe; the title is escaped here.
 */
export function htmlPage(title: string, style: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** Link targets a page may keep: the web, mail, and relative links. Anything else (javascript:, data:, file:…) is removed. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const URL_ATTRIBUTES = ['href', 'src', 'srcSet', 'cite', 'action', 'formAction', 'poster', 'background'];

/** Removes every URL whose scheme is not allowed, whatever the page's policy would have blocked. */
function keepSafeUrls(tree: Root) {
  const visit = (node: Nodes) => {
    if (node.type === 'element') removeUnsafeUrls(node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}

function removeUnsafeUrls(element: Element) {
  for (const attribute of URL_ATTRIBUTES) {
    const value = element.properties[attribute];
    if (value !== undefined && !isSafeUrl(String(value))) delete element.properties[attribute];
  }
}

export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so compare without them.
  const compact = [...url].filter(c => c.charCodeAt(0) > 0x20 && (c.charCodeAt(0) < 0x7f || c.charCodeAt(0) > 0x9f)).join('').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
  if (scheme === undefined) return !/^[^/?#]*:/.test(compact);
  return SAFE_SCHEMES.has(scheme);
}

const MAX_TABLE_CELLS = 20_000;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** How many cells the page's tables would have once every row is padded to its header's width. */
function tableCells(markdown: string): number {
  const lines = markdown.split('\n');
  let cells = 0;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].includes('-') || !DELIMITER_ROW.test(lines[i])) continue;
    const columns = lines[i].split('|').filter(cell => cell.trim() !== '').length;
    let rows = 1;
    while (i + rows < lines.length && lines[i + rows].trim() !== '') rows++;
    cells += columns * rows;
  }
  return cells;
}

/** Text made safe inside HTML, in an element or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
