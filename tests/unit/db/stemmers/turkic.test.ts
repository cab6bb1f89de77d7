// The Kazakh and Kyrgyz suffix stripper, on word forms as they occur in government texts of the two
// countries (decrees of the Government of Kazakhstan, of the Cabinet of Ministers of Kyrgyzstan).
import { describe, expect, it } from 'vitest';
import { turkicStems } from '../../../../db/stemmers/turkic';

/** The word and its stems. */
const forms = (word: string) => new Set([word, ...turkicStems(word)]);
const shareStem = (a: string, b: string) => [...forms(a)].some((s) => forms(b).has(s));

describe('the Kazakh and Kyrgyz stemmer', () => {
  it('strips possessive and case endings down to the noun (Kazakh)', () => {
    // "Қазақстан Республикасы Энергетика министрлігіне тапсырылсын"
    expect(turkicStems('министрлігі')).toEqual(expect.arrayContaining(['министрлік']));
    expect(turkicStems('министрлігіне')).toEqual(expect.arrayContaining(['министрлігі', 'министрлік']));
    expect(turkicStems('министрлігінің')).toEqual(expect.arrayContaining(['министрлік']));
    expect(turkicStems('үкіметінің')).toEqual(expect.arrayContaining(['үкімет']));
    expect(turkicStems('энергиясын')).toEqual(expect.arrayContaining(['энергия']));
    expect(turkicStems('мәртебесі')).toEqual(expect.arrayContaining(['мәртебе']));
    expect(turkicStems('кітабы')).toEqual(expect.arrayContaining(['кітап']));
  });

  it('strips plural, possessive and case endings (Kyrgyz, four-way vowel harmony)', () => {
    // "Кыргыз Республикасынын Экономика министрлигине тапшырма берилсин"
    expect(turkicStems('министрлигине')).toEqual(expect.arrayContaining(['министрлиги', 'министрлик']));
    expect(turkicStems('республикасынын')).toEqual(expect.arrayContaining(['республика']));
    expect(turkicStems('өкмөтүнүн')).toEqual(expect.arrayContaining(['өкмөт']));
    expect(turkicStems('тапшырмалардын')).toEqual(expect.arrayContaining(['тапшырмалар', 'тапшырма']));
    expect(turkicStems('жолдорду')).toEqual(expect.arrayContaining(['жол']));
    expect(turkicStems('көлдөгү')).toEqual(expect.arrayContaining(['көл']));
  });

  it('strips locative, ablative, dative and instrumental endings of place names', () => {
    for (const form of ['бишкекте', 'бишкектен', 'бишкекке', 'бишкектегі', 'бишкектеги']) expect(turkicStems(form), form).toContain('бишкек');
    for (const form of ['қазақстанның', 'қазақстанға', 'қазақстанда', 'қазақстанмен']) expect(turkicStems(form), form).toContain('қазақстан');
    for (const form of ['кыргызстандын', 'кыргызстанга', 'кыргызстанда', 'кыргызстандан']) expect(turkicStems(form), form).toContain('кыргызстан');
  });

  it('strips the plural', () => {
    expect(turkicStems('тапсырмалар')).toContain('тапсырма');
    expect(turkicStems('тапсырмаларын')).toContain('тапсырма');
    expect(turkicStems('министрлер')).toContain('министр');
    expect(turkicStems('өлкөлөр')).toContain('өлкө');
  });

  it('brings verb forms to one stem: past, passive, present continuous, verbal noun', () => {
    expect(shareStem('орындалды', 'орындау')).toBe(true);
    expect(shareStem('орындалуда', 'орындалды')).toBe(true);
    expect(shareStem('аткарылды', 'аткаруу')).toBe(true);
    expect(shareStem('аткарылууда', 'аткарылды')).toBe(true);
    expect(turkicStems('аткарылууда')).toContain('аткар');
  });

  it('leaves a word with no ending alone, and never cuts below three letters', () => {
    expect(turkicStems('тапшырма')).not.toContain('тапшыр');
    expect(turkicStems('электр')).toEqual([]);
    expect(turkicStems('жол')).toEqual([]);
    for (const word of ['жолдарын', 'ісі', 'елде', 'суда']) for (const stem of turkicStems(word)) expect(stem.length, `${word} → ${stem}`).toBeGreaterThanOrEqual(3);
  });

  it('keeps different words apart', () => {
    expect(shareStem('тапсырма', 'министрлік')).toBe(false);
    expect(shareStem('бишкекте', 'қазақстанда')).toBe(false);
    expect(shareStem('энергиясы', 'электр')).toBe(false);
  });
});
