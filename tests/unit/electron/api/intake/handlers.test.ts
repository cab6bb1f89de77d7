// intake.readoutParse through the dispatcher, as the page calls it: a long readout up to the
// limit is parsed, a longer one is refused with a message the page translates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppCore, type AppCore } from '../../../../../electron/services/app';
import { dispatch } from '../../../../../electron/api/dispatch';
import { MAX_READOUT_CHARS } from '../../../../../electron/services/intake/readout/index';
import { EN_NO_DATE, RU_KG_KZ } from '../../../../support/readouts';
import { tempDir } from '../../../../support/temp';

const LINE = [RU_KG_KZ, EN_NO_DATE].map((t) => t.replace(/\n+/g, ' ')).join(' ');

function textOf(length: number): string {
  let text = '';
  while (text.length < length) text += `${LINE} `;
  return text.slice(0, length - 1) + '.';
}

let core: AppCore;

beforeEach(async () => {
  core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test' });
});

afterEach(() => core.close());

describe('intake.readoutParse on long texts', () => {
  it('states its limit: 200,000 characters, what a meeting can keep as its source text', () => {
    expect(MAX_READOUT_CHARS).toBe(200_000);
  });

  it('parses a readout at the limit', async () => {
    const answer = (await dispatch(core.handlers, 'intake.readoutParse', { text: textOf(MAX_READOUT_CHARS) })) as {
      ok: boolean;
      value?: { candidates: unknown[] };
    };
    expect(answer.ok).toBe(true);
    expect(answer.value!.candidates.length).toBeGreaterThan(100);
  });

  it('refuses a longer text with too_large, a translation key and the limit', async () => {
    const answer = await dispatch(core.handlers, 'intake.readoutParse', { text: textOf(MAX_READOUT_CHARS + 1) });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'too_large',
        key: 'intake.readoutTooLarge',
        message: 'The text is too long (200,001 characters): the limit is 200,000. Paste it in parts.',
        params: { length: 200_001, limit: 200_000 },
      },
    });
  });
});
