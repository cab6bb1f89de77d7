// One ministry under every name: a list in Russian, an exchange file, the search and the directory
// all find "Ministry of Energy of the Kyrgyz Republic" by its Russian or Kazakh name once that name
// is recorded, and the directory suggests the same ministry recorded twice without merging it.
import { describe, expect, it } from 'vitest';
import { exportExchange } from '../../../db/exchange';
import { applyMerge } from '../../../db/merge';
import { createOrganization, getOrganization, listOrganizations, mergeOrganizations, updateOrganization } from '../../../db/organizations';
import { matchOrganization, organizationName, organizationShortName, suggestDuplicates } from '../../../db/organization-names';
import { createInstruction, getInstruction } from '../../../db/instructions';
import { queryCards } from '../../../db/boards';
import { LANGUAGES } from '../../../db/model';
import { readExchangeDocument } from '../../../electron/services/intake/exchange';
import { StagedFiles } from '../../../electron/services/intake/files';
import { commitList, previewList } from '../../../electron/services/intake/lists/index';
import { loadDemo } from '../../../electron/services/demo/seed';
import { fullOrgName, shortOrgName } from '../../../renderer/src/common/orgNames';
import type { StoreContext } from '../../../db/context';
import { tempStore } from '../../support/temp';
import { count, utf8 } from '../../support/intake';

const ENERGY_EN = 'Ministry of Energy of the Kyrgyz Republic';
const ENERGY_RU = 'Министерство энергетики Кыргызской Республики';
const ENERGY_KK = 'Қырғыз Республикасының Энергетика министрлігі';

/** The Ministry of Energy created in English, with its Russian and Kazakh names recorded. */
function energyMinistry(ctx: StoreContext) {
  return createOrganization(ctx, { name: ENERGY_EN, country: 'Kyrgyzstan', nameRu: ENERGY_RU, shortNameRu: 'Минэнерго КР', nameKk: ENERGY_KK });
}

const files = new StagedFiles();

describe('matching an organization by any of its names', () => {
  it('imports a Russian list onto the English-named ministry whose Russian name is recorded, creating no second one', async () => {
    const { ctx } = await tempStore();
    const energy = energyMinistry(ctx);
    const list = [
      '№;Поручение;Ответственный исполнитель;Соисполнители;Срок исполнения',
      `1;Проработать поставку электроэнергии;«${ENERGY_RU.toUpperCase()}»;  минэнерго   кр ;05.12.2027`,
      '2;Подготовить график ремонтов;Министерство экономики;;01.01.2028',
    ].join('\r\n');
    const staged = files.stage('poruchenia.csv', utf8(list, true));
    const preview = await previewList(ctx, files.get(staged.fileId), {});
    // Only the ministry nobody recorded is new.
    expect(preview.newOrganizations).toEqual(['Министерство экономики']);
    const result = await commitList(ctx, files.get(staged.fileId), {});
    expect(result).toMatchObject({ imported: 2, newOrganizations: 1 });
    expect(listOrganizations(ctx).map((o) => o.name).sort()).toEqual(['Министерство экономики', ENERGY_EN].sort());
    expect(count(ctx, `instructions WHERE lead_org_id = '${energy.id}'`)).toBe(1);
    // The co-executor cell named the same ministry by its Russian short name: it leads, so it is no co-executor.
    expect(count(ctx, 'coexecutors')).toBe(0);
  });

  it('matches case, quotes, «ё» and spacing aside, and never an organization of another country', async () => {
    const { ctx } = await tempStore();
    const energy = energyMinistry(ctx);
    const kz = createOrganization(ctx, { name: 'Ministry of Energy of the Republic of Kazakhstan', country: 'KZ', shortNameRu: 'Минэнерго' });
    expect(matchOrganization(ctx, `  "${ENERGY_KK.toLowerCase()}" `)?.id).toBe(energy.id);
    expect(matchOrganization(ctx, 'минэнерго кр')?.id).toBe(energy.id);
    expect(matchOrganization(ctx, 'МИНЭНЕРГО')?.id).toBe(kz.id);
    expect(matchOrganization(ctx, 'Минэнерго', { country: 'Kyrgyzstan' })).toBeNull();
    expect(matchOrganization(ctx, ENERGY_RU, { country: 'Казахстан' })).toBeNull();
    expect(matchOrganization(ctx, ENERGY_RU, { country: 'KG' })?.id).toBe(energy.id);
    expect(matchOrganization(ctx, 'Министерство энергетики')).toBeNull();
  });

  it('joins an organization of an exchange file named in Russian with the one here named in English', async () => {
    const here = await tempStore();
    const there = await tempStore();
    const energy = energyMinistry(here.ctx);
    const theirs = createOrganization(there.ctx, { name: ENERGY_RU, country: 'KG' });
    createInstruction(there.ctx, { title: 'Проработать поставку электроэнергии', leadOrgId: theirs.id });
    const doc = readExchangeDocument(utf8(JSON.stringify(exportExchange(there.ctx, '0.1.0'))));
    const result = applyMerge(here.ctx, doc, {});
    expect(result.joined).toBe(1);
    // One live Ministry of Energy: the older one, here, leads the instruction from the file.
    expect(listOrganizations(here.ctx).map((o) => o.id)).toEqual([energy.id]);
    const [imported] = queryCards(here.ctx, { filters: [] }).cards;
    expect(imported?.leadOrgId).toBe(energy.id);
  });

  it('carries the names per language in the exchange, and a file written before them still imports', async () => {
    const here = await tempStore();
    const there = await tempStore();
    energyMinistry(there.ctx);
    const doc = JSON.parse(JSON.stringify(exportExchange(there.ctx, '0.1.0'))) as { organizations: Record<string, unknown>[] };
    expect(doc.organizations[0]).toMatchObject({ nameRu: ENERGY_RU, nameKk: ENERGY_KK, shortNameRu: 'Минэнерго КР', nameKy: null });
    applyMerge(here.ctx, readExchangeDocument(utf8(JSON.stringify(doc))), {});
    expect(listOrganizations(here.ctx)[0]).toMatchObject({ name: ENERGY_EN, nameRu: ENERGY_RU, nameKk: ENERGY_KK });

    const old = await tempStore();
    for (const org of doc.organizations) for (const key of Object.keys(org)) if (/^(short)?[nN]ame(En|Ru|Kk|Ky)$/.test(key)) delete org[key];
    applyMerge(old.ctx, readExchangeDocument(utf8(JSON.stringify(doc))), {});
    expect(listOrganizations(old.ctx)[0]).toMatchObject({ name: ENERGY_EN, nameRu: null, nameKk: null });
  });

  it('finds the instructions of an organization by its Kazakh name in the search language and in free text', async () => {
    const { ctx } = await tempStore();
    const energy = energyMinistry(ctx);
    const other = createOrganization(ctx, { name: 'Ministry of Economy and Commerce of the Kyrgyz Republic', country: 'KG' });
    const ours = createInstruction(ctx, { title: 'Work out electricity supply', leadOrgId: energy.id });
    createInstruction(ctx, { title: 'Prepare the trade figures', leadOrgId: other.id });
    const titles = (query: string) => queryCards(ctx, { filters: [query] }).cards.map((c) => c.title);
    expect(titles('org:"Энергетика министрлігі"')).toEqual([ours.title]);
    expect(titles('ұйым:энергетика')).toEqual([ours.title]);
    expect(titles(`"${ENERGY_KK}"`)).toEqual([ours.title]);
    expect(titles('Минэнерго КР')).toEqual([ours.title]);
    // A name only the other organization has finds only its instructions.
    expect(titles('org:"economy and commerce"')).toEqual(['Prepare the trade figures']);
  });
});

describe('names to show', () => {
  it('are the language own names, falling back to the original, and the renderer picks the same', async () => {
    const { ctx } = await tempStore();
    const energy = energyMinistry(ctx);
    expect(LANGUAGES.map((lang) => organizationName(energy, lang))).toEqual([ENERGY_EN, ENERGY_RU, ENERGY_KK, ENERGY_EN]);
    expect(LANGUAGES.map((lang) => organizationShortName(energy, lang))).toEqual([ENERGY_EN, 'Минэнерго КР', ENERGY_KK, ENERGY_EN]);
    loadDemo(ctx);
    for (const org of listOrganizations(ctx)) {
      for (const lang of LANGUAGES) {
        expect(fullOrgName(org, lang)).toBe(organizationName(org, lang));
        expect(shortOrgName(org, lang)).toBe(organizationShortName(org, lang));
      }
    }
  });

  it('are recorded in all four languages for every demo organization', async () => {
    const { ctx } = await tempStore();
    loadDemo(ctx, 'en');
    const orgs = listOrganizations(ctx);
    expect(orgs.length).toBeGreaterThan(10);
    for (const org of orgs) {
      for (const field of ['nameEn', 'nameRu', 'nameKk', 'nameKy', 'shortNameEn', 'shortNameRu', 'shortNameKk', 'shortNameKy'] as const) expect(org[field], `${org.name} ${field}`).toBeTruthy();
      expect(org.name).toBe(org.nameEn);
    }
    const energy = orgs.find((o) => o.name === ENERGY_EN)!;
    expect([organizationShortName(energy, 'ru'), organizationShortName(energy, 'kk'), organizationShortName(energy, 'ky')]).toEqual([
      'Минэнерго (КР)',
      'Энергетика министрлігі (Қырғызстан)',
      'Энергетика министрлиги (Кыргызстан)',
    ]);
    // The demo's ministries are all distinct: nothing to suggest.
    expect(suggestDuplicates(ctx)).toEqual([]);
  });
});

describe('likely duplicates', () => {
  it('suggests the same ministry recorded in two languages, two spellings or two alphabets, and merges nothing until confirmed', async () => {
    const { ctx } = await tempStore();
    const energy = energyMinistry(ctx);
    const russian = createOrganization(ctx, { name: `«${ENERGY_RU}»`, country: 'Кыргызстан' });
    const health = createOrganization(ctx, { name: 'Ministry of Health of the Kyrgyz Republic', country: 'KG' });
    const typo = createOrganization(ctx, { name: 'Ministry of Helth of the Kyrgyz Republic', country: 'KG' });
    const latin = createOrganization(ctx, { name: 'Ministerstvo zdravookhraneniia', country: 'KG' });
    const cyrillic = createOrganization(ctx, { name: 'Министерство здравоохранения', country: 'KG' });
    // The same name in another country is another ministry.
    createOrganization(ctx, { name: 'Ministry of Health of the Kyrgyz Republic', country: 'KZ' });
    const instruction = createInstruction(ctx, { title: 'Supply electricity', leadOrgId: russian.id });

    const suggestions = suggestDuplicates(ctx).map((s) => [s.keep.id, s.merge.id, s.reason]);
    expect(suggestions).toEqual([
      [energy.id, russian.id, 'sameName'],
      [health.id, typo.id, 'similarName'],
      [latin.id, cyrillic.id, 'transliteration'],
    ]);
    // Suggesting changed nothing.
    expect(listOrganizations(ctx)).toHaveLength(7);
    expect(getInstruction(ctx, instruction.id).leadOrgId).toBe(russian.id);

    // Confirmed: the merge the directory has always had.
    mergeOrganizations(ctx, russian.id, energy.id);
    expect(getInstruction(ctx, instruction.id).leadOrgId).toBe(energy.id);
    expect(suggestDuplicates(ctx).map((s) => s.reason)).toEqual(['similarName', 'transliteration']);
    // The merged one's name still leads to the survivor.
    expect(matchOrganization(ctx, ENERGY_RU)?.id).toBe(energy.id);
    expect(getOrganization(ctx, energy.id).name).toBe(ENERGY_EN);
  });

  it('suggests a pair once an official records a name that another organization goes by', async () => {
    const { ctx } = await tempStore();
    const en = createOrganization(ctx, { name: ENERGY_EN, country: 'KG' });
    const ru = createOrganization(ctx, { name: ENERGY_RU, country: 'KG' });
    expect(suggestDuplicates(ctx)).toEqual([]);
    updateOrganization(ctx, en.id, { nameRu: ENERGY_RU });
    expect(suggestDuplicates(ctx).map((s) => [s.keep.id, s.merge.id, s.reason, s.names])).toEqual([[en.id, ru.id, 'sameName', [ENERGY_RU, ENERGY_RU]]]);
  });
});
