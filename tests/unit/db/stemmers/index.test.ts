// Word forms in all four languages: the index keeps each word with its stems (stemmedText), a
// query word matches by any of its stems (wordStems); the language of a text is not known, so a
// word is stemmed by every stemmer its script allows.
import { describe, expect, it } from 'vitest';
import { searchWords, stemmedText, wordStems } from '../../../../db/stemmers/index';

/** Whether a query word finds a text word: the same word, or a stem in common. */
const finds = (query: string, text: string) => {
  const indexed = new Set(stemmedText(text).split(' '));
  const word = searchWords(query)[0] as string;
  return [word, ...wordStems(word)].some((s) => indexed.has(s));
};

describe('word forms for search', () => {
  it('match Russian forms, fleeting vowels and -ит nouns included', () => {
    expect(finds('уголь', 'угля')).toBe(true);
    expect(finds('угля', 'уголь')).toBe(true);
    expect(finds('углем', 'уголь')).toBe(true);
    expect(finds('бишкеке', 'бишкек')).toBe(true);
    expect(finds('бишкек', 'бишкеком')).toBe(true);
    expect(finds('поставок', 'поставки')).toBe(true);
    expect(finds('транзитом', 'транзите')).toBe(true);
    expect(finds('звонок', 'звонка')).toBe(true);
    expect(finds('министерства', 'министерством')).toBe(true);
    expect(finds('уголь', 'уголовный')).toBe(false);
    expect(finds('уголь', 'поставки')).toBe(false);
  });

  it('match Kazakh and Kyrgyz forms', () => {
    expect(finds('министрлігіне', 'министрлігі')).toBe(true);
    expect(finds('министрлигине', 'министрлиги')).toBe(true);
    expect(finds('бишкекте', 'бишкек')).toBe(true);
    expect(finds('тапсырмалар', 'тапсырма')).toBe(true);
    expect(finds('тапшырма', 'тапшырмаларды')).toBe(true);
    expect(finds('тапсырма', 'тапшырма')).toBe(false);
  });

  it('match English forms', () => {
    expect(finds('supply', 'supplies')).toBe(true);
    expect(finds('checkpoints', 'checkpoint')).toBe(true);
    expect(finds('roads', 'road')).toBe(true);
    expect(finds('supply', 'support')).toBe(false);
  });

  it('fold case and ё, and split on anything but letters and digits', () => {
    expect(searchWords('Отчёт №12/3: «Бишкек-Алматы»')).toEqual(['отчет', '12', '3', 'бишкек', 'алматы']);
    expect(finds('ОТЧЁТА', 'отчет')).toBe(true);
  });

  it('give a Kazakh word to no Russian stemmer, a Latin word to no Cyrillic one', () => {
    // "қала" through the Russian stemmer would lose its -а; only the Kazakh stemmer sees it.
    expect(wordStems('қала')).toEqual([]);
    expect(wordStems('roads')).toEqual(['road']);
    expect(wordStems('2026')).toEqual([]);
  });
});
