// The shell's own dialogs (a start that cannot open the store, a shutdown whose last write did not
// finish) speak the official's language, fill every value and never show a raw message.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../db/store';
import { StoreError } from '../../../../db/errors';
import { LANGUAGES } from '../../../../db/model';
import { SHELL_MESSAGE_KEYS, SHELL_TEXTS, shutdownDialog, startFailureDialog } from '../../../../electron/services/shell-messages';
import { tempDir } from '../../../support/temp';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('shell messages', () => {
  it('every message exists in all four languages with the same values to fill', () => {
    for (const language of LANGUAGES) {
      for (const key of SHELL_MESSAGE_KEYS) {
        expect(SHELL_TEXTS[language][key].length, `${language}.${key}`).toBeGreaterThan(0);
        expect(placeholders(SHELL_TEXTS[language][key]), `${language}.${key}`).toEqual(placeholders(SHELL_TEXTS.en[key]));
      }
    }
  });

  it('a store held by another process is named in each language, every value filled', async () => {
    const file = path.join(tempDir(), 'ministry-tracker.sqlite');
    const holder = await openStore(file);
    try {
      const refusal = await openStore(file).then(
        () => null,
        (err: unknown) => err,
      );
      expect(refusal).toBeInstanceOf(StoreError);
      const kazakh = startFailureDialog(refusal, 'kk');
      expect(kazakh.title).toBe('Тапсырмаларды бақылау іске қосылмайды');
      expect(kazakh.content).toContain(`${process.pid} процесі`);
      for (const language of LANGUAGES) expect(startFailureDialog(refusal, language).content).not.toMatch(/\{\w+\}/);
    } finally {
      holder.close();
    }
  });

  it('an unexpected failure says so without its raw text', () => {
    const dialog = startFailureDialog(new TypeError('Cannot read properties of undefined'), 'ky');
    expect(dialog.content).toBe(SHELL_TEXTS.ky.unexpected);
  });

  it('a clean close shows nothing; a full disk names the file that keeps the last changes', () => {
    expect(shutdownDialog({ diskFull: false, problem: null, walFile: '/d/x.sqlite-wal', message: null }, 'ru')).toBeNull();
    const notice = shutdownDialog({ diskFull: true, problem: 'disk_full', walFile: '/d/x.sqlite-wal', message: 'The disk is full' }, 'ru');
    expect(notice?.content).toBe('Диск заполнен. Последние изменения сохранены в /d/x.sqlite-wal и будут применены при следующем запуске. Освободите место до него.');
  });
});
