import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as ts from 'typescript';
import { CAREER_PATHS } from '../../src/core/live';
import { fillPlaceholders, MessageId, MESSAGES, setTranslator } from '../../src/core/base';
import { analyzeNote, validateNote } from '../../src/core/note';
import { typeScriptFiles } from '../support/sourceFiles';

const CATALOGUE = 'src/core/base/messages.ts';

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild(child => walk(child, visit));
}

/** The string literals an id argument can be: `'a'`, or either branch of `cond ? 'a' : 'b'`. */
function literalIds(node: ts.Expression): string[] | undefined {
  if (ts.isStringLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) {
    const whenTrue = literalIds(node.whenTrue);
    const whenFalse = literalIds(node.whenFalse);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : undefined;
  }
  return undefined;
}

/** How many values a message takes: its placeholders must be {0}…{n-1}, each used. */
function placeholderCount(text: string): number {
  const used = new Set([...text.matchAll(/\{(\d+)\}/g)].map(m => Number(m[1])));
  for (let index = 0; index < used.size; index++) assert.ok(used.has(index), `"${text}" skips {${index}}`);
  return used.size;
}

interface MessageCall { readonly file: string; readonly line: number; readonly ids: string[] | undefined; readonly args: number }

const calls: MessageCall[] = [];
const literalsOutsideCatalogue = new Set<string>();
for (const file of typeScriptFiles('src').filter(f => f !== CATALOGUE)) {
  const source = parse(file);
  walk(source, node => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literalsOutsideCatalogue.add(node.text);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg' && node.arguments.length > 0) {
      calls.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, ids: literalIds(node.arguments[0]), args: node.arguments.length - 1 });
    }
  });
}

describe('the core message catalogue', () => {
  it('has unique ids, written once each', () => {
    const ids: string[] = [];
    walk(parse(CATALOGUE), node => {
      if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) ids.push(node.name.text);
    });
    assert.equal(ids.length, Object.keys(MESSAGES).length);
    assert.deepEqual(ids.filter((id, index) => ids.indexOf(id) !== index), []);
  });

  it('uses every entry somewhere in src', () => {
    assert.ok(calls.length > 80, `only ${calls.length} calls found`);
    assert.deepEqual(Object.keys(MESSAGES).filter(id => !literalsOutsideCatalogue.has(id)), []);
  });

  it('calls only ids that exist, with as many values as the message has placeholders', () => {
    const wrong = calls.flatMap(call => (call.ids ?? []).flatMap(id => {
      if (!(id in MESSAGES)) return [`${call.file}:${call.line} unknown id ${id}`];
      const expected = placeholderCount(MESSAGES[id as MessageId]);
      return expected === call.args ? [] : [`${call.file}:${call.line} ${id} takes ${expected} values, given ${call.args}`];
    }));
    assert.deepEqual(wrong, []);
    // An id that is not a literal is looked up in a table of ids: those messages take no values.
    assert.deepEqual(calls.filter(call => call.ids === undefined && call.args > 0).map(call => `${call.file}:${call.line}`), []);
  });

  it('keeps the catalogue pure: no vscode, no Node I/O', () => {
    const imports: string[] = [];
    walk(parse(CATALOGUE), node => { if (ts.isImportDeclaration(node)) imports.push(node.getText()); });
    assert.deepEqual(imports, []);
  });
});

describe('the translator', () => {
  afterEach(() => setTranslator());
  const note = analyzeNote('---\ntype: growth-conversation\nperson: Alex\ndate: 2026-02-30\nmood: fine\n---\n');

  it('fills {n} placeholders and leaves other braces as written', () => {
    assert.equal(fillPlaceholders('{1} and {0}, {person}, {2}', ['a', 3]), '3 and a, {person}, {2}');
  });

  it('is English with no translator installed (the CLI)', () => {
    assert.deepEqual(validateNote(note).map(p => p.message), [
      '2026-02-30 is not a day in the calendar.',
      '"mood" is not a known field; views and reports ignore it.',
    ]);
    assert.equal(CAREER_PATHS[0].label, 'Technical specialist');
  });

  it('sends every message through the installed translator, with its English text and values', () => {
    const asked: string[] = [];
    setTranslator((english, args) => {
      asked.push(english);
      return `«${fillPlaceholders(english, args).toUpperCase()}»`;
    });
    assert.deepEqual(validateNote(note).map(p => p.message), [
      '«2026-02-30 IS NOT A DAY IN THE CALENDAR.»',
      '«"MOOD" IS NOT A KNOWN FIELD; VIEWS AND REPORTS IGNORE IT.»',
    ]);
    assert.deepEqual(asked, [MESSAGES['validate.unknownField'], MESSAGES['validate.nonexistentDate']]);
    // Labels offered in a quick pick are read when shown, so they follow the translator too.
    assert.equal(CAREER_PATHS[0].label, '«TECHNICAL SPECIALIST»');
    setTranslator();
    assert.equal(CAREER_PATHS[0].label, 'Technical specialist');
  });
});
