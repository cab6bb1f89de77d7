// The Russian of the app spells the language and the people the way Kyrgyzstan officially does:
// "кыргызский", "кыргызы", never the old "киргизский". Everything Russian readers see is checked:
// the interface, the exports, the demo, the README. (The Kyrgyz verb "киргизүү", "to enter", is a
// different word and appears only in the Kyrgyz texts; the readout parser still recognises the old
// spelling in pasted text, which is not ours to correct.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ru } from '../../../../renderer/src/i18n/ru';
import { intakeErrorsRu, intakeRu } from '../../../../renderer/src/i18n/intake.ru';

const root = path.resolve(import.meta.dirname, '../../../..');
const OLD_SPELLING = /[Кк]иргиз(?!иң|үү)/u;

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}

describe('the Russian spelling of Kyrgyz', () => {
  it('is "кыргызский" in the Russian interface, which names the language so', () => {
    expect(texts(ru).filter((t) => OLD_SPELLING.test(t))).toEqual([]);
    expect(texts([intakeRu, intakeErrorsRu]).filter((t) => OLD_SPELLING.test(t))).toEqual([]);
    expect(texts(ru).join('\n')).toMatch(/кыргызскими региональными настройками/);
  });

  it('is "кыргызский" in the exports, the demo and the README', () => {
    for (const file of ['electron/services/reports/strings.ts', 'electron/services/demo/texts.ts', 'electron/services/demo/seed.ts', 'README.md']) {
      const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
      expect(
        lines.filter((l) => OLD_SPELLING.test(l)),
        file,
      ).toEqual([]);
    }
  });
});
