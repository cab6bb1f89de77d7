// No string outside i18next, and English and Russian complete.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en, type MessageTree } from '../../../../renderer/src/i18n/en';
import { ru } from '../../../../renderer/src/i18n/ru';
import { kk } from '../../../../renderer/src/i18n/kk';
import { ky } from '../../../../renderer/src/i18n/ky';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(messages: MessageTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function baseKeys(messages: MessageTree): Set<string> {
  return new Set([...flatten(messages).keys()].map((k) => k.replace(PLURAL, '')));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const rendererSrc = path.resolve(import.meta.dirname, '../../../../renderer/src');

describe('translations', () => {
  it('Russian has every English string and nothing else', () => {
    const enKeys = baseKeys(en);
    const ruKeys = baseKeys(ru);
    expect([...enKeys].filter((k) => !ruKeys.has(k))).toEqual([]);
    expect([...ruKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('Kazakh and Kyrgyz have every English string too', () => {
    const enKeys = baseKeys(en);
    for (const messages of [kk, ky]) {
      const keys = baseKeys(messages);
      expect([...enKeys].filter((k) => !keys.has(k))).toEqual([]);
      expect([...keys].filter((k) => !enKeys.has(k))).toEqual([]);
    }
  });

  it('every placeholder of an English string survives its translations', () => {
    const english = flatten(en);
    for (const messages of [ru, kk, ky]) {
      for (const [key, text] of flatten(messages)) {
        const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other')) ?? '';
        const wanted = [...source.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).filter((name) => name !== 'count');
        for (const name of wanted) expect(text, `${key}`).toContain(`{{${name}}}`);
      }
    }
  });

  it('Russian plurals have the one, few and many forms', () => {
    const keys = [...flatten(ru).keys()];
    for (const key of keys.filter((k) => k.endsWith('_one'))) {
      const base = key.slice(0, -'_one'.length);
      expect(keys, base).toContain(`${base}_few`);
      expect(keys, base).toContain(`${base}_many`);
    }
  });

  it('every key the UI asks for exists in English', () => {
    const enKeys = baseKeys(en);
    const missing: string[] = [];
    for (const file of sourceFiles(rendererSrc)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) {
        const key = match[1] as string;
        if (!enKeys.has(key)) missing.push(`${path.relative(rendererSrc, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the families of keys built at run time are complete', () => {
    const enKeys = baseKeys(en);
    const families: Record<string, string[]> = {
      status: ['assigned', 'in_progress', 'report_submitted', 'resolved'],
      priority: ['low', 'normal', 'high', 'critical'],
      'boards.builtin': ['control', 'by_ministry', 'by_topic', 'due_week', 'meeting'],
      'sort.by': ['manual', 'deadline', 'number', 'overdue', 'updated'],
      'help.actions': ['newInstruction', 'search', 'open', 'step', 'ends', 'moveMenu', 'moveColumn', 'reorder', 'drag', 'undo', 'close', 'help'],
      'boards.noValue': ['organization', 'meeting', 'topic'],
      'boardSettings.field': ['status', 'organization', 'topic', 'meeting', 'priority'],
      'search.problem': ['unknown_field', 'bad_value', 'bad_date', 'empty_value', 'unterminated_quote'],
      'progress.kind': ['interim', 'final'],
      nav: ['board', 'meetings', 'directory', 'backups'],
      'backups.reason': ['daily', 'manual', 'before-import', 'before-merge', 'before-restore', 'before-migration'],
      languages: ['en', 'ru', 'kk', 'ky'],
    };
    for (const [prefix, names] of Object.entries(families)) {
      for (const name of names) expect(enKeys, `${prefix}.${name}`).toContain(`${prefix}.${name}`);
    }
  });

  it('no visible text is written into the components directly', () => {
    const USER_FACING = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription', 'aria-description']);
    const offenders: string[] = [];
    for (const file of sourceFiles(rendererSrc).filter((f) => f.endsWith('.tsx'))) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const where = (node: ts.Node) => `${path.relative(rendererSrc, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node: ts.Node): void => {
        if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) offenders.push(`${where(node)} text “${node.text.trim()}”`);
        if (ts.isJsxAttribute(node) && USER_FACING.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) {
          offenders.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
