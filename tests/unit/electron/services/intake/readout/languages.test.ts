// The readout extractor in all four languages, on sentences written for these tests (not taken from
// the corpus): the country of a named ministry, Kazakh and Kyrgyz obligations, reporting clauses,
// a headline repeated by the text, the year of a date from the dateline or the weekday.
import { afterEach, describe, expect, it } from 'vitest';
import { detectLanguage, parseReadout, type ReadoutCatalog } from '../../../../../../electron/services/intake/readout/index';
import { startAppCore, type AppCore } from '../../../../../../electron/services/app';
import { dispatch } from '../../../../../../electron/api/dispatch';
import type { ReadoutProposal } from '../../../../../../db/intake-types';
import { tempDir } from '../../../../../support/temp';
import { createOrganization } from '../../../../../../db/organizations';

const TODAY = '2026-12-03';

/** Two ministries of energy, one per country, under names in four languages. */
const CATALOG: ReadoutCatalog = {
  organizations: [
    { id: 'kg-energy', name: 'Ministry of Energy of the Kyrgyz Republic', shortName: null, country: 'Kyrgyzstan' },
    { id: 'kz-energy', name: 'Ministry of Energy of the Republic of Kazakhstan', shortName: null, country: 'Kazakhstan' },
    { id: 'kz-energy-kk', name: 'Қазақстан Республикасы Энергетика министрлігі', shortName: null, country: 'Kazakhstan' },
    { id: 'kg-energy-ky', name: 'Кыргыз Республикасынын Энергетика министрлиги', shortName: null, country: 'Kyrgyzstan' },
  ],
  tags: [],
};

const parse = (text: string, catalog: ReadoutCatalog = CATALOG): ReadoutProposal => parseReadout(text, catalog, TODAY);
const only = (p: ReadoutProposal) => {
  expect(p.candidates).toHaveLength(1);
  return p.candidates[0]!;
};

describe('the country of a named ministry decides which ministry leads', () => {
  // The meeting is Kyrgyz (its home country comes first for unnamed ministries), the ministry named is Kazakh.
  const KG_MEETING = 'Председатель Кабинета Министров Кыргызской Республики Акылбек Жапаров провел совещание.';

  it('in Russian: «Министерству энергетики Республики Казахстан» is the Kazakh ministry, not the Kyrgyz one', () => {
    const c = only(parse(`${KG_MEETING} Министерству энергетики Республики Казахстан поручено проработать поставки электроэнергии.`));
    expect(c.organizations[0]?.existingId).toBe('kz-energy');
    expect(c.organizations.map((o) => o.existingId)).not.toContain('kg-energy');
  });

  it('in English, Kazakh and Kyrgyz alike', () => {
    const en = only(parse('The Ministry of Energy of the Republic of Kazakhstan was instructed to work out electricity supplies to Kyrgyzstan.'));
    expect(en.organizations[0]?.existingId).toBe('kz-energy');
    const kk = only(parse('Премьер-Министр Олжас Бектенов Қазақстан Республикасы Энергетика министрлігіне электр энергиясын жеткізуді пысықтауды тапсырды.'));
    expect(kk.organizations[0]?.existingId).toBe('kz-energy-kk');
    const ky = only(parse('Министрлер Кабинетинин Төрагасы Адылбек Касымалиев Кыргыз Республикасынын Энергетика министрлигине электр энергиясын импорттоо боюнча сунуш даярдоону тапшырды.'));
    expect(ky.organizations[0]?.existingId).toBe('kg-energy-ky');
    for (const c of [kk, ky]) expect(c.organizations.map((o) => o.existingId)).not.toContain(c === kk ? 'kg-energy-ky' : 'kz-energy-kk');
  });

  it('proposes a body the store lacks as a new organization with the country its name gives, and stores it so', async () => {
    const text = 'Государственному комитету промышленности, энергетики и недропользования Кыргызской Республики поручено до 1 марта 2027 года подготовить план ремонта ТЭЦ.';
    const c = only(parse(text, { organizations: [], tags: [] }));
    expect(c.organizations[0]).toEqual({ existingId: null, name: 'Государственный комитет промышленности, энергетики и недропользования Кыргызской Республики', country: 'Kyrgyzstan' });
    expect(c.dueDate).toBe('2027-03-01');
    expect(c.title).toBe('Подготовить план ремонта ТЭЦ');

    core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test' });
    const lead = c.organizations[0]!;
    const stored = await dispatch(core.handlers, 'intake.readoutCommit', {
      meeting: { title: 'Совещание', heldOn: null, place: null, participants: null },
      sourceText: text,
      instructions: [{ title: c.title, body: c.sentence, lead: { name: lead.name, country: lead.country ?? null }, tagIds: [], dueDate: c.dueDate }],
    });
    expect(stored).toMatchObject({ ok: true, value: { organizations: 1 } });
    const org = core.store.ctx.db.prepare('SELECT name, country FROM organizations WHERE name = ?').get(lead.name);
    expect(org).toEqual({ name: lead.name, country: 'Kyrgyzstan' });
  });
});

describe('every name of an organization', () => {
  it('a readout in any language finds the store’s organization by its name in that language, of the country it names', async () => {
    core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test' });
    const { ctx } = core.store;
    const names = (en: string, ru: string, kk: string, ky: string) => ({ name: en, nameEn: en, nameRu: ru, nameKk: kk, nameKy: ky });
    const kz = createOrganization(ctx, {
      ...names('Ministry of Energy of the Republic of Kazakhstan', 'Министерство энергетики Республики Казахстан', 'Қазақстан Республикасы Энергетика министрлігі', 'Казакстан Республикасынын Энергетика министрлиги'),
      country: 'Kazakhstan',
    });
    const kg = createOrganization(ctx, {
      ...names('Ministry of Energy of the Kyrgyz Republic', 'Министерство энергетики Кыргызской Республики', 'Қырғыз Республикасының Энергетика министрлігі', 'Кыргыз Республикасынын Энергетика министрлиги'),
      country: 'Kyrgyzstan',
    });
    const lead = async (text: string) => {
      const answer = await dispatch(core!.handlers, 'intake.readoutParse', { text });
      expect(answer.ok).toBe(true);
      return (answer as { ok: true; value: ReadoutProposal }).value.candidates[0]?.organizations[0]?.existingId;
    };
    expect(await lead('Қазақстан Республикасы Энергетика министрлігіне жылу маусымына дайындықты аяқтау тапсырылды.')).toBe(kz.id);
    expect(await lead('Премьер-министр Кыргыз Республикасынын Энергетика министрлигине кышка даярдыкты аяктоону тапшырды.')).toBe(kg.id);
    expect(await lead('Министерству энергетики Республики Казахстан поручено подготовить график поставок.')).toBe(kz.id);
    expect(await lead('The Ministry of Energy of the Kyrgyz Republic was instructed to prepare the heating season.')).toBe(kg.id);
  });
});

let core: AppCore | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
});

describe('Kazakh and Kyrgyz readouts', () => {
  it('tells Kazakh (Cyrillic and Latin) and Kyrgyz from Russian', () => {
    expect(detectLanguage('Премьер-Министр Үкімет отырысында министрлерге тапсырма берді.')).toBe('kk');
    expect(detectLanguage('Premer-Mınıstr Úkimet otyrysynda mınıstrlerge tapsyrma berdi.')).toBe('kk');
    expect(detectLanguage('Премьер-министр Өкмөттүн жыйынында министрлерге тапшырма берди.')).toBe('ky');
    expect(detectLanguage('Премьер-министр дал поручения министрам на заседании правительства.')).toBe('ru');
  });

  it('reads a Kazakh instruction: the task as a verbal noun, the addressee in the dative as the lead, the deadline with «дейін»', () => {
    const c = only(parse('Премьер-Министр Олжас Бектенов Көлік министрлігіне Алматы – Астана жолын жөндеуді 1 шілдеге дейін аяқтауды тапсырды.'));
    expect(c.title).toBe('Алматы – Астана жолын жөндеуді аяқтау');
    expect(c.organizations[0]).toMatchObject({ existingId: null, name: 'Көлік министрлігі' });
    expect(c.dueDate).toBe('2027-07-01');
  });

  it('reads a Kazakh «тиіс» with its subject as the lead, and not an exhortation to work hard', () => {
    const c = only(parse('Ауыл шаруашылығы министрлігі көктемгі егіс науқанына дайындықты қамтамасыз етуге тиіс.'));
    expect(c.title).toBe('Көктемгі егіс науқанына дайындықты қамтамасыз ету');
    expect(c.organizations[0]?.name).toBe('Ауыл шаруашылығы министрлігі');
    expect(parse('Барлық мемлекеттік органдар бар күш-жігерін салып жұмыс жасауы керек.').candidates).toEqual([]);
  });

  it('reads a Kyrgyz instruction and a Kyrgyz «керек», the co-executors left out of the lead', () => {
    const given = only(parse('Министрлер Кабинетинин Төрагасы Адылбек Касымалиев Транспорт жана коммуникациялар министрлигине Бишкек – Ош жолун реконструкциялоо боюнча сунуш даярдоону тапшырды.'));
    expect(given.title).toBe('Бишкек – Ош жолун реконструкциялоо боюнча сунуш даярдоо');
    expect(given.organizations[0]?.name).toBe('Транспорт жана коммуникациялар министрлиги');
    const must = only(parse('Өзгөчө кырдаалдар министрлиги Ички иштер министрлиги менен биргеликте суу ташкынына каршы иш-чараларды күчөтүүсү керек.'));
    expect(must.title).toBe('Суу ташкынына каршы иш-чараларды күчөтүү');
    expect(must.organizations[0]?.name).toBe('Өзгөчө кырдаалдар министрлиги');
  });

  it('takes a Kyrgyz polite imperative as a task, and «тапшырды» meaning "handed over" as none', () => {
    const c = only(parse('«Бардык райондук ооруканаларга жаңы жабдууларды жеткириңиздер», — деди Премьер-министр.'));
    expect(c.title).toBe('Бардык райондук ооруканаларга жаңы жабдууларды жеткирүү');
    expect(parse('Президент мыкты мугалимдерге Ардак грамоталарды тапшырды.').candidates).toEqual([]);
  });
});

describe('titles an official keeps', () => {
  it('leaves out reporting clauses in English and Russian', () => {
    expect(only(parse('The Ministry of Health was instructed to open two more clinics in Osh, the press service said.')).title).toBe('Open two more clinics in Osh');
    expect(only(parse('Министерству финансов поручено подготовить проект бюджета на 2027 год, — сообщает пресс-служба правительства.')).title).toBe('Подготовить проект бюджета на 2027 год');
    const c = only(parse('Министерство энергетики должно обеспечить запуск ТЭЦ к 1 ноября 2026 года, отметил он.'));
    expect(c.title).toBe('Обеспечить запуск ТЭЦ');
    expect(c.dueDate).toBe('2026-11-01');
  });

  it('gives a headline that repeats the text’s instruction as one candidate, with the lead and deadline the body gives', () => {
    const p = parse('Премьер поручил закупить вакцины от гриппа\n\nПремьер-министр поручил Министерству здравоохранения закупить вакцины от гриппа до 1 октября 2026 года.');
    const c = only(p);
    expect(c.title).toBe('Закупить вакцины от гриппа');
    expect(c.organizations[0]?.name).toBe('Министерство здравоохранения');
    expect(c.dueDate).toBe('2026-10-01');
  });

  it('drops a pronoun phrase that points nowhere («по этой проблеме»)', () => {
    expect(only(parse('Министерству экономики поручено подготовить предложения по этой проблеме.')).title).toBe('Подготовить предложения');
  });

  it('does not take an instruction recalled from another occasion, or a wish, for a new one', () => {
    expect(parse('Yesterday the President instructed the Government to support small businesses.').candidates).toEqual([]);
    expect(parse('Ранее президент поручил правительству поддержать малый бизнес.').candidates).toEqual([]);
    expect(parse('These differences should not prevent us from working together.').candidates).toEqual([]);
  });
});

describe('the meeting date from the text', () => {
  it('takes the year from the dateline when the text gives the day without it, and counts deadlines from that day', () => {
    const p = parse('On March 25, the Prime Minister held a meeting with the akims. The Ministry of Energy was instructed to prepare the heating season plan by April 10.\n\n27 Mar 2021, 08:42');
    expect(p.meeting.heldOn).toBe('2021-03-25');
    expect(p.candidates[0]?.dueDate).toBe('2021-04-10');
    expect(p.notes).not.toContain('yearAssumed');
  });

  it('takes a publication stamp for the meeting day only when the text says the meeting was today', () => {
    expect(parse('12.05.2023 10:15\n\nToday the Minister of Energy held a meeting. The Ministry of Energy was instructed to repair the Toktogul HPP units.').meeting.heldOn).toBe('2023-05-12');
    expect(parse('12.05.2023 10:15\n\nThe Minister of Energy held a meeting. The Ministry of Energy was instructed to repair the Toktogul HPP units.').meeting.heldOn).toBeNull();
  });

  it('places a yearless day by its weekday, and otherwise says the year was assumed', () => {
    expect(parse('On Saturday, March 29, the President visited Almaty. The akim was instructed to restore order in the city.').meeting.heldOn).toBe('2025-03-29');
    const p = parse('On 29 April the Prime Minister held a meeting. The Ministry of Finance was instructed to prepare a budget plan within a month.');
    expect(p.meeting.heldOn).toBe('2026-04-29');
    expect(p.notes).toContain('yearAssumed');
    expect(p.candidates[0]?.dueDate).toBe('2026-05-29');
  });
});
