// What the pseudo-localised run (*.pseudo.test.ts) counts as English left in what the extension shows.

/**
 * English words left in a shown text: runs of three or more ASCII letters, once the parts that are
 * data, not words of ours, are taken out (values from the note, command links, icons, `{0}`).
 */
export function englishLeft(text: string, data: readonly string[] = []): string[] {
  // Markdown escapes (ci\-speed in a tooltip) come off first, so data matches as the note writes it.
  let rest = text.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').replace(/\(command:[^)]*\)|\$\([\w-]+\)|\{\w+\}|`[^`]*`/g, ' ');
  for (const value of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}
