// A pasted meeting readout → a proposed meeting and candidate instructions, then stored in one
// transaction. The seed readout, and readouts written for these tests in English and Russian.
import { afterEach, describe, expect, it } from 'vitest';
import { parseReadout, type ReadoutCatalog } from '../../../../../../electron/services/intake/readout/index';
import { normalise, splitSentences } from '../../../../../../electron/services/intake/readout/sentences';
import { DEMO_READOUT } from '../../../../../../electron/services/demo/readout';
import { loadDemo } from '../../../../../../electron/services/demo/seed';
import { listOrganizations } from '../../../../../../db/organizations';
import { listTagRows } from '../../../../../../db/topics';
import { getBoardView } from '../../../../../../db/boards';
import { startAppCore, type AppCore } from '../../../../../../electron/services/app';
import { dispatch } from '../../../../../../electron/api/dispatch';
import type { ReadoutProposal } from '../../../../../../db/intake-types';
import type { StoreContext } from '../../../../../../db/context';
import { tempDir, tempStore } from '../../../../../support/temp';
import { count, storeHash } from '../../../../../support/intake';
import { EN_NO_DATE, EN_NO_INSTRUCTIONS, EN_NOT_A_READOUT, RU_KG_KZ, RU_NO_DATE, RU_NO_INSTRUCTIONS, RU_NOT_A_READOUT } from '../../../../../support/readouts';

function catalogOf(ctx: StoreContext): ReadoutCatalog {
  return { organizations: listOrganizations(ctx), tags: listTagRows(ctx).map((t) => ({ id: t.id, code: t.code })) };
}

async function demoCatalog(): Promise<{ ctx: StoreContext; catalog: ReadoutCatalog; code: (id: string) => string }> {
  const { ctx } = await tempStore();
  loadDemo(ctx);
  const codes = new Map(listTagRows(ctx).map((t) => [t.id, t.code]));
  return { ctx, catalog: catalogOf(ctx), code: (id) => codes.get(id) ?? id };
}

const titles = (p: ReadoutProposal) => p.candidates.map((c) => c.title);

describe('the seed readout', () => {
  it('gives the meeting: date from the date line, both heads of government, the place', async () => {
    const { catalog } = await demoCatalog();
    const proposal = parseReadout(DEMO_READOUT, catalog);
    expect(proposal.language).toBe('en');
    expect(proposal.meeting.heldOn).toBe('2021-11-05');
    expect(proposal.participants.map((p) => p.name)).toEqual(['Akylbek Japarov', 'Askar Mamin']);
    expect(proposal.participants[0]?.position).toBe('Chairman of the Cabinet of Ministers of Kyrgyzstan');
    expect(proposal.participants[1]?.position).toBe('Prime Minister of Kazakhstan');
    expect(proposal.meeting.participants).toContain('Akylbek Japarov, Chairman of the Cabinet of Ministers of Kyrgyzstan');
    expect(proposal.meeting.place).toBe('On the sidelines of the first economic forum European Union — Central Asia');
    expect(proposal.meeting.title).toBe('Meeting of Akylbek Japarov and Askar Mamin');
    expect(proposal.notes).toEqual([]);
  });

  it('gives the eight instructions, one per issue, as imperative tasks with their source sentences', async () => {
    const { catalog } = await demoCatalog();
    const proposal = parseReadout(DEMO_READOUT, catalog);
    expect(titles(proposal)).toEqual([
      'Bring the level of trade between the republics to $1 billion',
      'Work out electricity supply from Kazakhstan',
      'Work out electricity transit through the territory of Kazakhstan',
      'Consider cooperation in joint projects for the construction of wholesale distribution centers',
      'Consider creation of an industrial trade and logistics complex with attraction of Kazakh investments',
      'Consider the functioning of Kazakhstani resorts in Issyk-Kul region',
      'Consider opening land checkpoints in Kazakhstan for citizens of Kyrgyzstan who received a vaccine against coronavirus infection',
      'Take part in the next meeting of the Council of Heads of Government of the Shanghai Cooperation Organization member states in Astana',
    ]);
    expect(proposal.candidates.map((c) => c.kind)).toEqual(['target', 'instruction', 'instruction', 'consideration', 'consideration', 'consideration', 'consideration', 'invitation']);
    // "These issues" is resolved: the candidate shows what was discussed and what was decided.
    expect(proposal.candidates[1]?.sentence).toContain('the issue of electricity supply from Kazakhstan');
    expect(proposal.candidates[1]?.sentence).toContain('Instructions were given to the heads of relevant ministries to work out these issues.');
    expect(proposal.candidates[6]?.sentence).toContain('The relevant ministries of the two republics will consider these issues.');
    // Interest and praise are not instructions.
    expect(titles(proposal).join(' ')).not.toMatch(/interest|cooperation and deepening/i);
    expect(proposal.candidates.every((c) => c.dueDate === null)).toBe(true);
  });

  it('suggests topics and matches ministries to the organizations in the store, the home country first', async () => {
    const { catalog, code } = await demoCatalog();
    const [target, supply, transit, wholesale, complex, resorts, checkpoints, sco] = parseReadout(DEMO_READOUT, catalog).candidates;
    expect(target?.tagIds.map(code)).toEqual(['trade']);
    expect(supply?.tagIds.map(code)).toEqual(['energy']);
    expect(transit?.tagIds.map(code)).toEqual(['energy', 'logistics']);
    expect(wholesale?.tagIds.map(code)).toEqual(['trade', 'logistics']);
    expect(complex?.tagIds.map(code)).toEqual(['trade', 'investment', 'logistics']);
    expect(resorts?.tagIds.map(code)).toEqual(['tourism']);
    expect(checkpoints?.tagIds.map(code)).toEqual(['checkpoints', 'health']);
    expect(sco?.tagIds.map(code)).toEqual(['international']);

    const lead = (c: typeof supply) => c?.organizations[0];
    expect(lead(supply)).toMatchObject({ name: 'Ministry of Energy of the Kyrgyz Republic', existingId: expect.any(String) });
    expect(supply?.organizations[1]?.name).toBe('Ministry of Energy of the Republic of Kazakhstan');
    expect(lead(target)?.name).toBe('Ministry of Economy and Commerce of the Kyrgyz Republic');
    expect(lead(resorts)?.name).toMatch(/Department of Tourism/);
    expect(lead(checkpoints)?.name).toBe('Border Service of the State Committee for National Security of the Kyrgyz Republic');
    expect(checkpoints?.organizations.map((o) => o.name)).toContain('Ministry of Health of the Kyrgyz Republic');
    expect(lead(sco)?.name).toBe('Ministry of Foreign Affairs of the Kyrgyz Republic');
  });

  it('proposes new organizations by name when the store has none that match', async () => {
    const { ctx } = await tempStore();
    const supply = parseReadout(DEMO_READOUT, catalogOf(ctx)).candidates[1];
    expect(supply?.organizations).toEqual([{ existingId: null, name: 'Ministry of Energy' }]);
  });

  it('is deterministic', async () => {
    const { catalog } = await demoCatalog();
    expect(parseReadout(DEMO_READOUT, catalog)).toEqual(parseReadout(DEMO_READOUT, catalog));
  });
});

describe('readouts in Russian and English written for the tests', () => {
  it('reads the Russian readout of the same meeting: names back in the nominative, issues in the genitive', async () => {
    const { catalog, code } = await demoCatalog();
    const proposal = parseReadout(RU_KG_KZ, catalog);
    expect(proposal.language).toBe('ru');
    expect(proposal.meeting.heldOn).toBe('2021-11-05');
    expect(proposal.participants).toEqual([
      { name: 'Акылбек Жапаров', position: 'Председатель Кабинета Министров Кыргызской Республики' },
      { name: 'Аскар Мамин', position: 'Премьер-Министр Республики Казахстан' },
    ]);
    expect(proposal.meeting.place).toBe('На полях первого экономического форума «Европейский союз — Центральная Азия»');
    expect(titles(proposal)).toEqual([
      'Довести уровень товарооборота между республиками до 1 млрд долларов США',
      'Проработать вопрос поставки электроэнергии из Казахстана',
      'Проработать вопрос транзита электроэнергии через территорию Казахстана',
      'Рассмотреть вопрос строительства оптово-распределительных центров',
      'Рассмотреть вопрос создания индустриального торгово-логистического комплекса с привлечением казахстанских инвестиций',
      'Рассмотреть вопрос функционирования казахстанских курортов в Иссык-Кульской области',
      'Рассмотреть вопрос открытия сухопутных пунктов пропуска в Казахстане для граждан Кыргызстана, получивших вакцину от коронавирусной инфекции',
      'Принять участие в очередном заседании Совета глав правительств государств — членов Шанхайской организации сотрудничества в Астане',
    ]);
    expect(proposal.candidates[1]?.tagIds.map(code)).toEqual(['energy']);
    expect(proposal.candidates[1]?.organizations[0]?.name).toBe('Ministry of Energy of the Kyrgyz Republic');
    expect(proposal.notes).toEqual([]);
  });

  it('says there is no date when the text gives none, and does not take a deadline for it', async () => {
    const { catalog, code } = await demoCatalog();
    const proposal = parseReadout(EN_NO_DATE, catalog);
    expect(proposal.meeting.heldOn).toBeNull();
    expect(proposal.notes).toContain('noDate');
    expect(proposal.meeting.place).toBe('Tashkent');
    expect(proposal.participants.map((p) => p.name)).toEqual(['Taalaibek Ibraev', 'Alisher Sultanov']);
    expect(proposal.candidates.map((c) => [c.title, c.dueDate])).toEqual([
      ['Prepare a draft intergovernmental agreement on the Kambarata HPP-1 project', '2022-03-01'],
      ['Submit proposals on electricity exchange within a month', null],
    ]);
    expect(proposal.candidates[1]?.tagIds.map(code)).toEqual(['energy']);
  });

  it('counts a relative deadline from the meeting date when there is one', async () => {
    const { catalog } = await demoCatalog();
    const proposal = parseReadout(`On 10 February 2022 the Minister of Energy held a meeting.\n\n${EN_NO_DATE}`, catalog);
    expect(proposal.meeting.heldOn).toBe('2022-02-10');
    // "Within a month" of 10 February is 10 March: a month is a calendar month, as offices count it, not 30 days.
    expect(proposal.candidates.map((c) => c.dueDate)).toEqual(['2022-03-01', '2022-03-10']);
  });

  it('finds nothing to do in a courtesy call, in English and in Russian', async () => {
    const { catalog } = await demoCatalog();
    const en = parseReadout(EN_NO_INSTRUCTIONS, catalog);
    expect(en.candidates).toEqual([]);
    expect(en.notes).toEqual(['noCandidates']);
    expect(en.meeting.heldOn).toBe('2022-03-12');
    expect(en.participants.map((p) => p.name)).toEqual(['Alikhan Smailov', 'Yasushi Takase']);
    const ru = parseReadout(RU_NO_INSTRUCTIONS, catalog);
    expect(ru.candidates).toEqual([]);
    expect(ru.notes).toEqual(['noCandidates', 'noPlace']);
    expect(ru.meeting.heldOn).toBe('2022-03-12');
    expect(ru.participants).toEqual([{ name: 'Руслан Казакбаев', position: 'Министр иностранных дел Кыргызской Республики' }]);
  });

  it('reads instructions to named ministries without a date in Russian', async () => {
    const { ctx } = await tempStore();
    const proposal = parseReadout(RU_NO_DATE, catalogOf(ctx));
    expect(proposal.meeting.heldOn).toBeNull();
    expect(proposal.notes).toEqual(['noDate']);
    expect(proposal.meeting.place).toBe('Чолпон-Ата');
    expect(proposal.participants).toEqual([{ name: 'Эдиль Байсалов', position: 'Заместитель Председателя Кабинета Министров' }]);
    expect(titles(proposal)).toEqual(['Обеспечить готовность курортов Иссык-Кульской области', 'Проработать вопрос санитарного контроля на пунктах пропуска']);
    expect(proposal.candidates[1]?.organizations[0]).toEqual({ existingId: null, name: 'Министерство здравоохранения' });
  });

  it('finds no meeting, no date and nothing to do in a text that is not a readout', async () => {
    const { catalog } = await demoCatalog();
    for (const text of [EN_NOT_A_READOUT, RU_NOT_A_READOUT]) {
      const proposal = parseReadout(text, catalog);
      expect(proposal.candidates).toEqual([]);
      expect(proposal.meeting.heldOn).toBeNull();
      expect(proposal.notes).toEqual(['noDate', 'noCandidates', 'noParticipants', 'noPlace']);
    }
  });
});

describe('sentences', () => {
  it('are not split after abbreviations, initials or amounts, and are split where a sentence ends', () => {
    const split = (text: string) => splitSentences(normalise(text)).map((s) => s.text);
    expect(split('Встреча прошла в г. Астана 5 ноября 2021 г. Стороны обсудили торговлю, т.е. экспорт и импорт. Объём составил $1 млрд. долларов.')).toEqual([
      'Встреча прошла в г. Астана 5 ноября 2021 г.',
      'Стороны обсудили торговлю, т.е. экспорт и импорт.',
      'Объём составил $1 млрд. долларов.',
    ]);
    expect(split('A. Japarov met Mr. Smith at No. 5 Erkindik Ave. on 05.11.2021. They talked.')).toEqual([
      'A. Japarov met Mr. Smith at No. 5 Erkindik Ave. on 05.11.2021.',
      'They talked.',
    ]);
    expect(split('Поручения:\n1. Министерству энергетики проработать вопрос\n2. Министерству экономики подготовить план')).toEqual([
      'Поручения:',
      'Министерству энергетики проработать вопрос',
      'Министерству экономики подготовить план',
    ]);
  });
});

describe('confirming a reviewed readout', () => {
  let core: AppCore | undefined;
  afterEach(() => core?.close());

  async function demoApp(): Promise<AppCore> {
    core = await startAppCore({ dataDir: tempDir(), version: '0.0.0-test' });
    await dispatch(core.handlers, 'app.chooseStart', { choice: 'demo' });
    return core;
  }

  it('stores the meeting, the accepted instructions and new organizations in one go, with the meeting’s board', async () => {
    const app = await demoApp();
    const { ctx } = app.store;
    const parsed = (await dispatch(app.handlers, 'intake.readoutParse', { text: DEMO_READOUT })) as { ok: true; value: ReadoutProposal };
    expect(parsed.ok).toBe(true);
    const proposal = parsed.value;
    const before = { meetings: count(ctx, 'meetings'), instructions: count(ctx, 'instructions'), orgs: count(ctx, 'organizations') };
    // The official rejects the SCO invitation, edits one title, gives two a new ministry.
    const accepted = proposal.candidates.slice(0, 7).map((c, i) => ({
      title: i === 0 ? 'Bring mutual trade to USD 1 billion' : c.title,
      body: c.sentence,
      lead: i >= 5 ? { name: 'Ministry of Emergency Situations' } : c.organizations[0]?.existingId ? { id: c.organizations[0].existingId } : null,
      tagIds: c.tagIds,
      dueDate: i === 1 ? '2021-12-20' : null,
    }));
    const stored = await dispatch(app.handlers, 'intake.readoutCommit', {
      meeting: { ...proposal.meeting, title: 'Meeting of the heads of government, 5 November 2021' },
      sourceText: DEMO_READOUT,
      instructions: accepted,
    });
    expect(stored).toMatchObject({ ok: true, value: { instructions: 7, organizations: 1 } });
    const result = (stored as { ok: true; value: { meeting: { id: string; heldOn: string; sourceText: string }; boardId: string } }).value;
    expect(result.meeting.heldOn).toBe('2021-11-05');
    expect(result.meeting.sourceText).toBe(DEMO_READOUT);
    expect(count(ctx, 'meetings')).toBe(before.meetings + 1);
    expect(count(ctx, 'instructions')).toBe(before.instructions + 7);
    expect(count(ctx, 'organizations')).toBe(before.orgs + 1);

    const board = getBoardView(ctx, result.boardId, '', 'en');
    expect(board.board.meetingId).toBe(result.meeting.id);
    expect(board.total).toBe(7);
    const cards = board.columns.flatMap((c) => c.cards);
    expect(cards.map((c) => c.title)).toContain('Bring mutual trade to USD 1 billion');
    expect(cards.map((c) => c.itemNumber)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const second = cards.find((c) => c.itemNumber === '2');
    expect(second).toMatchObject({ dueDate: '2021-12-20' });
    expect(ctx.db.prepare('SELECT name FROM organizations WHERE id = ?').get(second?.leadOrgId)).toEqual({ name: 'Ministry of Energy of the Kyrgyz Republic' });
    // Every new instruction has its history row.
    const created = ctx.db.prepare("SELECT count(*) AS n FROM history WHERE field = 'created' AND entity = 'instruction' AND entity_id IN (SELECT id FROM instructions WHERE meeting_id = ?)").get(result.meeting.id) as { n: number };
    expect(created.n).toBe(7);
  });

  it('stores nothing when one instruction cannot be stored', async () => {
    const app = await demoApp();
    const { ctx } = app.store;
    const hash = storeHash(ctx);
    const answer = await dispatch(app.handlers, 'intake.readoutCommit', {
      meeting: { title: 'A meeting', heldOn: null, place: null, participants: null },
      sourceText: 'text',
      instructions: [
        { title: 'First', body: '', lead: { name: 'A brand new agency' }, tagIds: [], dueDate: null },
        { title: 'Second', body: '', lead: { id: '00000000-0000-4000-8000-000000000000' }, tagIds: [], dueDate: null },
      ],
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(storeHash(ctx)).toBe(hash);
  });
});
