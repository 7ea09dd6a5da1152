import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
blockquote{margin:0;padding-left:1rem;border-left:.25rem solid #d0d7de;color:#59636e}code{background:#f6f8fa;padding:0 .2rem}`;

/**
 * A self-contained HTML page from Markdown: raw HTML in the Markdown is dropped, nothing is loaded
 * from anywhere (the page's own policy forbids it), so the file can be opened or mailed safely.
 */
export function markdownToHtml(markdown: string, title: string): string {
  const body = String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).processSync(markdown));
  const safeTitle = title.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${safeTitle}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
