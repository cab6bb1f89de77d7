// Every string of the import features exists in English and in Russian, and every error key the
// intake services can send has its message.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, type MessageTree } from '../../../../renderer/src/i18n/en';
import { ru } from '../../../../renderer/src/i18n/ru';
import { skippedRowsCsv, toCsv } from '../../../../renderer/src/intake/report';
import type { TFunction } from 'i18next';

/** Keys of a set of messages, plural forms folded into one (`count_one`, `count_few` → `count`). */
function keys(messages: MessageTree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = `${prefix}${key.replace(/_(?:zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') out.add(name);
    else for (const k of keys(value, `${name}.`)) out.add(k);
  }
  return out;
}

describe('intake strings', () => {
  it('are complete in English and Russian', () => {
    expect([...keys(ru.intake)].sort()).toEqual([...keys(en.intake)].sort());
    expect([...keys(ru.errors.intake)].sort()).toEqual([...keys(en.errors.intake)].sort());
  });

  it('cover every error key the intake services and the store raise', () => {
    const root = path.resolve(import.meta.dirname, '../../../..');
    const sources = ['electron/services/intake', 'electron/main/files.ts', 'db/merge.ts']
      .flatMap((p) => (fs.statSync(path.join(root, p)).isDirectory() ? fs.readdirSync(path.join(root, p), { recursive: true }).map((f) => path.join(p, String(f))) : [p]))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(root, f), 'utf8'))
      .join('\n');
    // Error keys (not channel names, which are followed by a colon in the handler table).
    const raised = new Set([...sources.matchAll(/(?<![<[])'intake\.([A-Za-z]+)'(?!\s*:)/g)].map((m) => m[1] as string));
    expect(raised.size).toBeGreaterThan(20);
    for (const key of raised) expect(en.errors.intake, key).toHaveProperty(key);
  });
});

describe('the skipped-rows report', () => {
  const t = ((key: string, params?: Record<string, unknown>) => `${key}${params ? `(${Object.values(params).join(' ')})` : ''}`) as unknown as TFunction;

  it('is CSV with a byte-order mark, quoting where needed and formulas defused', () => {
    expect(toCsv([['a', 'b;c', 'say "hi"'], ['=SUM(A1)', '+1', 'line\nbreak']], ';')).toBe('\ufeffa;"b;c";"say ""hi"""\r\n\'=SUM(A1);\'+1;"line\nbreak"\r\n');
  });

  it('lists the row, its problems and its cells under the file’s headers, semicolons outside English', () => {
    const csv = skippedRowsCsv(['№', 'Поручение'], [{ row: 4, cells: ['2', 'Открыть'], issues: [{ severity: 'error', code: 'badDate', field: 'dueDate', value: '31.02' }], skipped: true }], t, 'ru');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('intake.list.reportRow;intake.list.reportProblems;№;Поручение');
    expect(lines[1]).toMatch(/^4;intake\.list\.issue\.badDate.*31\.02.*;2;Открыть$/);
    expect(skippedRowsCsv(['a'], [], t, 'en').slice(1)).toBe('intake.list.reportRow,intake.list.reportProblems,a\r\n');
  });
});
