import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { typeScriptFiles } from '../support/sourceFiles';

/** The files a source file imports or re-exports from this tree, type-only imports included. */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+'(\.[^']+)'/g)) {
    const base = normalize(join(dirname(file), match[1]));
    const target = [`${base}.ts`, join(base, 'index.ts')].find(existsSync);
    if (target) found.push(target);
  }
  return found;
}

/** Every import circle of the graph (Tarjan's strongly connected components of two or more files). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string) => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
    }
    if (low.get(file) !== order.get(file)) return;
    const component: string[] = [];
    let top: string;
    do {
      top = stack.pop()!;
      onStack.delete(top);
      component.push(top);
    } while (top !== file);
    if (component.length > 1) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return found;
}

describe('the layout of the source', () => {
  const files = typeScriptFiles('src');

  it('has no import circles, type-only imports included', () => {
    const graph = new Map(files.map(file => [file, localImports(file)]));
    assert.deepEqual(circles(graph), []);
  });

  it('finds a circle when there is one (the check itself works)', () => {
    assert.deepEqual(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), [['a', 'b', 'c']]);
  });

  it('keeps every file under 500 lines, or the file says why at its top', () => {
    const long = files.filter(file => {
      const lines = readFileSync(file, 'utf8').split('\n');
      return lines.length > 500 && !/longer than 500 lines because/i.test(lines.slice(0, 5).join('\n'));
    });
    assert.deepEqual(long, []);
  });

  it('gives each folder of the core one public entry', () => {
    const folders = [...new Set(files.filter(f => f.startsWith(join('src', 'core') + '/')).map(f => dirname(f)))];
    assert.deepEqual(folders.filter(folder => !existsSync(join(folder, 'index.ts'))), []);
  });
});
