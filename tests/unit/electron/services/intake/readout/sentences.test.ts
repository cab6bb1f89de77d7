// Splitting a long readout into sentences stays linear: a 200,000-character line, one
// paragraph of abbreviations, initials and amounts, splits within the test's timeout.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../../../electron/services/intake/readout/sentences';
import { EN_NO_DATE, RU_KG_KZ } from '../../../../../support/readouts';

const LINE = [RU_KG_KZ, EN_NO_DATE].map((t) => t.replace(/\n+/g, ' ')).join(' ');

describe('splitSentences on a long text', () => {
  it('splits a 200,000-character single line into the same sentences as its parts', () => {
    const one = splitSentences(LINE).length;
    const copies = Math.ceil(200_000 / (LINE.length + 1));
    const text = Array.from({ length: copies }, () => LINE).join(' ');
    expect(text.length).toBeGreaterThanOrEqual(200_000);
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(one * copies);
    expect(sentences[sentences.length - 1]!.text).toBe(splitSentences(LINE)[one - 1]!.text);
  });
});
