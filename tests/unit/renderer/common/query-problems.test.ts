// The search's problems and placeholder in each interface language: the field and value words they
// name are the ones the search accepts in that language, and a wrong value lists the right ones.
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, type MessageTree } from '../../../../renderer/src/i18n/en';
import { ru } from '../../../../renderer/src/i18n/ru';
import { kk } from '../../../../renderer/src/i18n/kk';
import { ky } from '../../../../renderer/src/i18n/ky';
import { describeQueryProblem, SEARCH_FIELDS } from '../../../../renderer/src/common/query-problems';
import { parseQuery } from '../../../../db/query';

const LANGUAGES: Record<string, MessageTree> = { en, ru, kk, ky };
const TODAY = '2026-11-27';

async function translator(language: string): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { [language]: { translation: LANGUAGES[language] as MessageTree } }, interpolation: { escapeValue: false } });
  return instance.t;
}

/** The value list of a message: what follows the last ": " inside its closing parenthesis. */
function listed(message: string): string[] {
  expect(message.endsWith(')'), message).toBe(true);
  return (message.slice(message.lastIndexOf(': ') + 2, -1).match(/"[^"]*"|«[^»]*»|[^,\s][^,]*/g) ?? []).map((v) => v.trim());
}

describe('the search problems in each language', () => {
  for (const language of Object.keys(LANGUAGES)) {
    it(`${language}: names fields by words the search accepts, and lists the values it accepts`, async () => {
      const t = await translator(language);
      // Every field word the language shows parses as that field.
      for (const field of SEARCH_FIELDS) {
        const word = t(`search.fieldName.${field}`);
        const value =
          field === 'due' || field === 'created' ? '2026-12-31' : field === 'status' ? 'resolved' : field === 'priority' ? 'high' : field === 'overdue' || field === 'archived' || field === 'extended' ? 'yes' : field === 'resolved' ? 'late' : 'x';
        const parsed = parseQuery(`${word}:${value}`, TODAY);
        expect(parsed.problems, `${language} ${word}:`).toEqual([]);
        expect(parsed.terms[0]?.kind, `${language} ${word}:`).toBe(field);
      }
      // The placeholder's field words parse too.
      const placeholder = t('search.placeholder');
      for (const m of placeholder.matchAll(/([\p{L}_]+):/gu)) {
        if (m.index === 0) continue; // "Search:" itself
        expect(parseQuery(`${m[1]}:x`, TODAY).problems.filter((p) => p.code === 'unknown_field'), `${language} placeholder ${m[1]}`).toEqual([]);
      }
      // A wrong status lists the four statuses in the language, each of which the search accepts.
      const badStatus = describeQueryProblem({ code: 'bad_value', field: 'status', value: 'flying' }, t);
      expect(badStatus).toContain(t('search.fieldName.status'));
      const statuses = listed(badStatus);
      expect(statuses, badStatus).toHaveLength(4);
      expect(statuses.map((s) => (parseQuery(`status:${s}`, TODAY).terms[0] as { values?: string[] } | undefined)?.values?.[0])).toEqual([
        'assigned',
        'in_progress',
        'report_submitted',
        'resolved',
      ]);
      const priorities = listed(describeQueryProblem({ code: 'bad_value', field: 'priority', value: 'x' }, t));
      expect(priorities.map((s) => (parseQuery(`priority:${s}`, TODAY).terms[0] as { values?: string[] } | undefined)?.values?.[0])).toEqual(['low', 'normal', 'high', 'critical']);
      const yesNo = listed(describeQueryProblem({ code: 'bad_value', field: 'overdue', value: 'maybe' }, t));
      expect(yesNo.map((s) => (parseQuery(`overdue:${s}`, TODAY).terms[0] as { value?: boolean } | undefined)?.value)).toEqual([true, false]);
      // How it was resolved: on time, late, yes, no — each as the search reads it.
      const resolvedAs = listed(describeQueryProblem({ code: 'bad_value', field: 'resolved', value: 'maybe' }, t));
      expect(resolvedAs.map((s) => (parseQuery(`resolved:${s}`, TODAY).terms[0] as { value?: string } | undefined)?.value)).toEqual(['ontime', 'late', 'yes', 'no']);
      // An unknown field lists every field, by the language's words.
      const unknown = describeQueryProblem({ code: 'unknown_field', field: 'colour' }, t);
      expect(unknown).toContain('colour:');
      expect(listed(unknown)).toEqual(SEARCH_FIELDS.map((f) => `${t(`search.fieldName.${f}`)}:`));
    });
  }

  it('reads in English as an official would', async () => {
    const t = await translator('en');
    expect(describeQueryProblem({ code: 'bad_value', field: 'status', value: 'flying' }, t)).toBe(
      '“flying” is not a valid value for status: (valid values: assigned, "in progress", "report submitted", resolved)',
    );
  });

  it('reads in Kazakh with the Kazakh words', async () => {
    const t = await translator('kk');
    expect(describeQueryProblem({ code: 'bad_value', field: 'status', value: 'ұшып' }, t)).toBe(
      '«ұшып» — «мәртебе» өрісі үшін жарамсыз мән (жарамды мәндер: тағайындалды, орындалуда, «есеп ұсынылды», орындалды)',
    );
    expect(t('search.placeholder')).not.toMatch(/status:|org:|topic:|due:|overdue:/);
  });

  it('reads in Kyrgyz with the Kyrgyz words', async () => {
    const t = await translator('ky');
    expect(describeQueryProblem({ code: 'bad_value', field: 'status', value: 'x' }, t)).toContain('«абалы»');
    expect(t('search.placeholder')).not.toMatch(/status:|org:|topic:|due:|overdue:/);
  });
});
