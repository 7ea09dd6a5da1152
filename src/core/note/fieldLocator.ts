import { isMap, isNode, isScalar, Node, Pair } from 'yaml';
import { NoteAnalysis } from './note';
import { Position, Range } from '../base';

/** Finds the exact text range of a frontmatter key or value. */
export class FieldLocator {
  constructor(private readonly analysis: NoteAnalysis) {}

  /** The whole opening `---` line: where problems without a better place go. */
  get openingLine(): Range {
    return this.analysis.lines.lineRange(0);
  }

  /** The first line after the opening `---`. */
  get firstYamlLine(): number {
    return this.analysis.lines.positionAt(this.analysis.frontmatter?.yamlOffset ?? 0).line + 1;
  }

  /** The line of the closing `---`. */
  get closingLine(): number {
    const frontmatter = this.analysis.frontmatter;
    return frontmatter ? this.analysis.lines.positionAt(frontmatter.yamlOffset + frontmatter.yamlText.length).line + 1 : 0;
  }

  /** The top-level key/value pair for `key`; its value may be any YAML node (or null for `key:`). */
  pair(key: string): Pair<unknown, unknown> | undefined {
    const root = this.analysis.frontmatter?.document.contents;
    if (!isMap(root)) return undefined;
    return root.items.find(p => isScalar(p.key) && String(p.key.value) === key);
  }

  keyRange(key: string): Range {
    const node = this.pair(key)?.key;
    return (isNode(node) ? this.rangeOfNode(node) : undefined) ?? this.openingLine;
  }

  /** The range of the value at a path such as ['themes', 2]; falls back to the key. */
  valueRange(path: readonly (string | number)[]): Range {
    const node = this.analysis.frontmatter?.document.getIn(path, true);
    return (isNode(node) ? this.rangeOfNode(node) : undefined) ?? this.keyRange(String(path[0]));
  }

  /** The text range of a YAML node; undefined for an empty value. */
  rangeOfNode(node: Node | null | undefined): Range | undefined {
    const range = node?.range;
    if (!range) return undefined;
    const offset = this.analysis.frontmatter?.yamlOffset ?? 0;
    // An empty value (`person:`) has an empty range: point at its key instead.
    if (range[1] <= range[0]) return undefined;
    return this.analysis.lines.rangeOf(offset + range[0], offset + range[1]);
  }

  /** The top-level key whose text holds `position`, if any (for hover help). */
  keyAt(position: Position): string | undefined {
    const root = this.analysis.frontmatter?.document.contents;
    if (!isMap(root)) return undefined;
    const offset = this.analysis.lines.offsetAt(position) - (this.analysis.frontmatter?.yamlOffset ?? 0);
    for (const { key } of root.items) {
      if (isScalar(key) && key.range && offset >= key.range[0] && offset <= key.range[1]) return String(key.value);
    }
    return undefined;
  }
}
