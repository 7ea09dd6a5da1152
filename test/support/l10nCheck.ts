// Finds words of ours that reach the VS Code UI without going through vscode.l10n.t or the core message
// catalogue (msg). It reads the TypeScript syntax tree: the places a string is shown (messages, quick
// picks, input boxes, tree items, status bar, progress, diagnostics, code actions) and what flows into
// them (literals, templates, conditionals, concatenations, and constants of the same file).
import * as ts from 'typescript';

/** One user-visible text that is not localised. */
export interface UnlocalisedString {
  readonly line: number;
  /** Where it is shown, e.g. `showWarningMessage`, `TreeItem label`, `.tooltip =`. */
  readonly where: string;
  readonly text: string;
}

// Calls whose result is already in the user's language.
const LOCALISED_CALLS = new Set(['t', 'msg']);
// Properties that are shown to the user wherever they are set: quick pick items, tree items, commands,
// input boxes, status bar items, tree views, progress reports.
const SHOWN_PROPERTIES = new Set(['label', 'description', 'detail', 'tooltip', 'title', 'placeHolder', 'placeholder', 'prompt', 'message', 'openLabel', 'saveLabel']);
const MESSAGE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);
// Constructors and the argument each shows: new TreeItem(label), new Diagnostic(range, message)…
const SHOWN_CONSTRUCTOR_ARGUMENT: Record<string, number> = { TreeItem: 0, Diagnostic: 1, CodeAction: 0, MarkdownString: 0, CodeLens: -1 };

/** Text a person reads as words: two letters in a row, once codicons ($(name)) and {0} placeholders are gone. */
function hasWords(text: string): boolean {
  return /[A-Za-z]{2,}/.test(text.replace(/\$\([\w~-]+\)/g, '').replace(/\{\d+\}/g, ''));
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Checks one TypeScript file; `fileName` only names it in the syntax tree. */
export function findUnlocalisedStrings(fileName: string, text: string): UnlocalisedString[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const constants = new Map<string, ts.Expression>();
  const visitDeclarations = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent)
      && (node.parent.flags & ts.NodeFlags.Const) !== 0) constants.set(node.name.text, node.initializer);
    node.forEachChild(visitDeclarations);
  };
  visitDeclarations(source);

  const found = new Map<number, UnlocalisedString>();
  const flag = (node: ts.Node, where: string, shown: string) => {
    found.set(node.getStart(), { line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, where, text: shown });
  };

  /** Flags the English that `expression` can evaluate to; `seen` stops cycles through constants. */
  const check = (expression: ts.Expression | undefined, where: string, seen = new Set<string>()): void => {
    if (!expression) return;
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      if (hasWords(expression.text)) flag(expression, where, expression.text);
    } else if (ts.isTemplateExpression(expression)) {
      const fixed = [expression.head.text, ...expression.templateSpans.map(span => span.literal.text)].join(' ');
      if (hasWords(fixed)) flag(expression, where, expression.getText());
      for (const span of expression.templateSpans) check(span.expression, where, seen);
    } else if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression)) {
      check(expression.expression, where, seen);
    } else if (ts.isConditionalExpression(expression)) {
      check(expression.whenTrue, where, seen);
      check(expression.whenFalse, where, seen);
    } else if (ts.isBinaryExpression(expression) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(expression.operatorToken.kind)) {
      check(expression.left, where, seen);
      check(expression.right, where, seen);
    } else if (ts.isArrayLiteralExpression(expression)) {
      for (const element of expression.elements) check(element as ts.Expression, where, seen);
    } else if (ts.isIdentifier(expression) && constants.has(expression.text) && !seen.has(expression.text)) {
      check(constants.get(expression.text), where, new Set([...seen, expression.text]));
    } else if (ts.isNewExpression(expression)) {
      const index = SHOWN_CONSTRUCTOR_ARGUMENT[calleeName(expression.expression) ?? ''];
      if (index !== undefined && index >= 0) check(expression.arguments?.[index], where, seen);
    } else if (ts.isCallExpression(expression) && ['join', 'concat'].includes(calleeName(expression.expression) ?? '')
      && ts.isPropertyAccessExpression(expression.expression)) {
      check(expression.expression.expression, where, seen);
    }
    // Any other call (vscode.l10n.t, msg, a helper) or value is not a literal of ours here.
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name && LOCALISED_CALLS.has(name)) return;
      if (name && MESSAGE_CALLS.has(name)) {
        // The message, then its buttons (an options object is checked by its properties).
        node.arguments.forEach(argument => { if (!ts.isObjectLiteralExpression(argument)) check(argument, name); });
      }
      if (name === 'showQuickPick') check(node.arguments[0], name);
    }
    if (ts.isNewExpression(node)) {
      const name = calleeName(node.expression) ?? '';
      const index = SHOWN_CONSTRUCTOR_ARGUMENT[name];
      if (index !== undefined && index >= 0) check(node.arguments?.[index], `new ${name}`);
    }
    if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name && SHOWN_PROPERTIES.has(name)) check(node.initializer, `${name}:`);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      const name = node.left.name.text;
      // `.text` is shown on status bar items; elsewhere it is usually an edit's text.
      if (SHOWN_PROPERTIES.has(name) || (name === 'text' && /status/i.test(node.left.expression.getText()))) check(node.right, `.${name} =`);
    }
    node.forEachChild(visit);
  };
  visit(source);
  return [...found.values()].sort((a, b) => a.line - b.line);
}
