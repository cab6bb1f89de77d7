// Every translation key a StoreError (or an error envelope) carries has a message in English,
// Russian, Kazakh and Kyrgyz, with the same {{params}}: no official reads an error in English
// because a language lacks it.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, type MessageTree } from '../../../../renderer/src/i18n/en';
import { ru } from '../../../../renderer/src/i18n/ru';
import { kk } from '../../../../renderer/src/i18n/kk';
import { ky } from '../../../../renderer/src/i18n/ky';
import { ApiFailure } from '../../../../renderer/src/api/transport';
import { describeError } from '../../../../renderer/src/common/errors';
import type { ErrorParamItem } from '../../../../db/errors';

const root = path.resolve(import.meta.dirname, '../../../..');
const LANGUAGES: Record<string, MessageTree> = { en, ru, kk, ky };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Use {
  key: string;
  where: string;
  /** Names of the params passed where they are an object literal; null when not known. */
  params: string[] | null;
}

interface Scan {
  uses: Use[];
  /** Places where the key is an expression whose value the source does not spell out. */
  unresolved: string[];
}

function paramNames(node: ts.Expression | undefined): string[] | null {
  if (!node) return [];
  if (!ts.isObjectLiteralExpression(node)) return null;
  const names: string[] = [];
  for (const property of node.properties) {
    if (ts.isSpreadAssignment(property)) {
      const inner = paramNames(ts.isParenthesizedExpression(property.expression) ? property.expression.expression : property.expression);
      if (inner === null) return null;
      names.push(...inner);
    } else if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
      names.push(property.name.text);
    } else return null;
  }
  return names;
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let at = node.parent; at; at = at.parent) if (ts.isFunctionLike(at)) return at as ts.FunctionLikeDeclaration;
  return undefined;
}

/** Every source file scanned, so a helper's calls are found in whichever module makes them. */
const sources: ts.SourceFile[] = [];

function callsTo(name: string): { call: ts.CallExpression; file: ts.SourceFile }[] {
  const calls: { call: ts.CallExpression; file: ts.SourceFile }[] = [];
  for (const file of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) calls.push({ call: node, file });
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return calls;
}

/** The literal keys an expression can take, or null where it is not spelled out in the source. */
function literalKeys(expr: ts.Expression, file: ts.SourceFile, depth = 0): string[] | null {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr.text];
  if (ts.isParenthesizedExpression(expr)) return literalKeys(expr.expression, file, depth);
  if (ts.isConditionalExpression(expr)) {
    const a = literalKeys(expr.whenTrue, file, depth);
    const b = literalKeys(expr.whenFalse, file, depth);
    return a && b ? [...a, ...b] : null;
  }
  // A parameter of a local helper (`requireText(value, what, 'titleRequired')`): every call passes a literal.
  if (ts.isIdentifier(expr) && depth < 2) {
    const fn = enclosingFunction(expr);
    const index = fn?.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === expr.text) ?? -1;
    if (!fn || index < 0 || !fn.name || !ts.isIdentifier(fn.name)) return null;
    const calls = callsTo(fn.name.text);
    if (calls.length === 0) return null;
    const keys: string[] = [];
    for (const { call, file: callerFile } of calls) {
      const arg = call.arguments[index];
      const found = arg ? literalKeys(arg, callerFile, depth + 1) : null;
      if (!found) return null;
      keys.push(...found);
    }
    return keys;
  }
  return null;
}

function scan(files: string[]): Scan {
  const uses: Use[] = [];
  const unresolved: string[] = [];
  sources.length = 0;
  for (const fileName of files) sources.push(ts.createSourceFile(fileName, fs.readFileSync(fileName, 'utf8'), ts.ScriptTarget.Latest, true));
  for (const file of sources) {
    const fileName = file.fileName;
    const text = file.text;
    if (!/StoreError|ApiFailure|key:/.test(text)) continue;
    const where = (node: ts.Node) => `${path.relative(root, fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const record = (node: ts.Node, keyArg: ts.Expression | undefined, paramsArg: ts.Expression | undefined) => {
      if (!keyArg) return;
      const keys = literalKeys(keyArg, file);
      if (!keys) unresolved.push(where(node));
      else for (const key of keys) uses.push({ key, where: where(node), params: paramNames(paramsArg) });
    };
    const extendsStoreError = (node: ts.Node): boolean => {
      for (let at = node.parent; at; at = at.parent) {
        if (ts.isClassLike(at)) return (at.heritageClauses ?? []).some((h) => h.types.some((type) => type.expression.getText(file) === 'StoreError'));
      }
      return false;
    };
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.expression.getText(file) === 'StoreError') {
        record(node, node.arguments?.[2], node.arguments?.[3]);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword && extendsStoreError(node)) {
        record(node, node.arguments[2], node.arguments[3]);
      } else if (ts.isObjectLiteralExpression(node)) {
        // An error envelope written out: { code, message, key }.
        const props = new Map(node.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(file), p]));
        if (props.has('code') && props.has('message') && props.has('key')) {
          const params = props.get('params');
          record(node, props.get('key')!.initializer, params ? params.initializer : undefined);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { uses, unresolved };
}

function lookup(tree: MessageTree, dotted: string): string | undefined {
  let at: string | MessageTree | undefined = tree;
  for (const part of dotted.split('.')) {
    if (typeof at !== 'object') return undefined;
    at = at[part];
  }
  return typeof at === 'string' ? at : undefined;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string))].sort();

const { uses, unresolved } = scan([
  ...sourceFiles(path.join(root, 'db')),
  ...sourceFiles(path.join(root, 'electron')),
  ...sourceFiles(path.join(root, 'renderer/src/api')),
]);
const keys = [...new Set(uses.map((u) => u.key))].sort();

describe('error messages', () => {
  it('finds the keys the store and the transport use', () => {
    expect(keys.length).toBeGreaterThan(50);
    for (const known of ['boardNotFound', 'titleRequired', 'intake.stalePreview', 'invalidRequest', 'internal', 'network', 'reportBadSearch']) {
      expect(keys).toContain(known);
    }
  });

  it('every StoreError spells out its key', () => {
    expect(unresolved, 'StoreError keys that are not literals (write the key out where the error is made)').toEqual([]);
  });

  it('every error key has a message in English, Russian, Kazakh and Kyrgyz', () => {
    const missing = keys.flatMap((key) =>
      Object.entries(LANGUAGES)
        .filter(([, messages]) => lookup(messages, `errors.${key}`) === undefined)
        .map(([language]) => `${language}: errors.${key} (${uses.find((u) => u.key === key)?.where})`),
    );
    expect(missing).toEqual([]);
  });

  it('the messages of a key name the same {{params}} in every language', () => {
    const differ: string[] = [];
    for (const key of keys) {
      const english = lookup(en, `errors.${key}`);
      if (english === undefined) continue;
      for (const [language, messages] of Object.entries(LANGUAGES)) {
        const text = lookup(messages, `errors.${key}`);
        if (text !== undefined && placeholders(text).join() !== placeholders(english).join()) {
          differ.push(`${language}: errors.${key} has {{${placeholders(text).join('}}, {{')}}} where English has {{${placeholders(english).join('}}, {{')}}}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('a message names only params its error passes', () => {
    const unknown: string[] = [];
    for (const use of uses) {
      const english = lookup(en, `errors.${use.key}`);
      if (english === undefined || use.params === null) continue;
      for (const name of placeholders(english)) if (!use.params.includes(name)) unknown.push(`errors.${use.key} uses {{${name}}}, not passed at ${use.where}`);
    }
    expect(unknown).toEqual([]);
  });
});

describe('describeError', () => {
  const problems: ErrorParamItem[] = [
    { code: 'unknown_field', at: 0, field: 'colour' },
    { code: 'bad_date', at: 14, field: 'due', value: '31.02' },
  ];
  const badFilter = new ApiFailure({ code: 'validation', message: `The board's filter is not valid: ${JSON.stringify(problems)}`, key: 'badFilter', params: { problems } });

  async function translator(language: string) {
    const instance = i18next.createInstance();
    await instance.init({
      lng: language,
      fallbackLng: 'en',
      resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk }, ky: { translation: ky } },
      interpolation: { escapeValue: false },
    });
    return instance.t;
  }

  it('lists the problems of a bad board filter in words, not as JSON', async () => {
    const text = describeError(badFilter, await translator('en'));
    expect(text).toBe(
      'The board’s filter is not valid: unknown field “colour:” (the fields are: status:, org:, topic:, meeting:, due:, overdue:, priority:, assignee:, archived:, resolved:, extended:, created:); “31.02” is not a date (use 2026-12-31 or 31.12.2026).',
    );
    expect(text).not.toContain('{');
  });

  it('in the interface language', async () => {
    const text = describeError(badFilter, await translator('ru'));
    expect(text).toBe(
      'Фильтр доски задан неверно: неизвестное поле «colour:» (поля: статус:, орг:, тема:, совещание:, срок:, просрочено:, приоритет:, исполнитель:, архив:, исполнено:, продлено:, создано:); «31.02» — не дата (пишите 31.12.2026 или 2026-12-31).',
    );
    for (const language of ['kk', 'ky']) expect(describeError(badFilter, await translator(language))).not.toMatch(/[{}]|filter is not valid/);
  });

  it('gives a store error with params its message, and one without a key the generic message', async () => {
    const t = await translator('ru');
    expect(describeError(new ApiFailure({ code: 'not_found', message: 'No board b1.', key: 'boardNotFound' }), t)).toBe('Этой доски больше нет.');
    expect(describeError(new ApiFailure({ code: 'validation', message: 'x is not a date', key: 'badDate', params: { value: '2026-13-01' } }), t)).toBe('«2026-13-01» — не дата (ГГГГ-ММ-ДД).');
    expect(describeError(new ApiFailure({ code: 'internal', message: 'boom' }), t)).toBe('Действие не выполнено: boom');
  });
});
