// A protocol's own structure, read from the DOCX and PDF fixtures through a real store (its
// organizations, its production calendars): the header, numbered items and sub-items, the dative
// executors lead first, every deadline form reckoned from the meeting date in working days where
// the protocol says so, the body to report to, and "принять к сведению" as no instruction.
import { describe, expect, it } from 'vitest';
import type { ProtocolProposal } from '../../../../../../db/intake-types';
import { createOrganization } from '../../../../../../db/organizations';
import { setSetting } from '../../../../../../db/settings';
import { listTagRows } from '../../../../../../db/topics';
import type { Store } from '../../../../../../db/store';
import { calendarForCountry, defaultCountry, MOVE_OFF_NON_WORKING_KEY, movesOffNonWorking } from '../../../../../../db/working-calendar';
import { StagedFiles } from '../../../../../../electron/services/intake/files';
import { parseProtocol } from '../../../../../../electron/services/intake/protocol/index';
import { readProtocol } from '../../../../../../electron/services/intake/protocol/read';
import { protocolFixture } from '../../../../../support/protocols';
import { tempStore } from '../../../../../support/temp';

async function read(store: Store, name: string): Promise<ProtocolProposal> {
  const staging = new StagedFiles();
  const staged = staging.stage(name, protocolFixture(name));
  const result = await readProtocol(store.ctx, staging.get(staged.fileId));
  if (result.kind !== 'protocol') throw new Error(`${name} was read as a scan`);
  return result.proposal;
}

/** What the review screen shows of each candidate. */
function items(p: ProtocolProposal) {
  return p.candidates.map((c) => ({
    n: c.protocol!.itemNumber,
    lead: c.organizations[0]?.name ?? null,
    co: c.protocol!.coexecutors.map((o) => o.name),
    due: c.dueDate,
    said: c.protocol!.deadlineText,
  }));
}

const RU_EXECUTORS = ['Министерство энергетики Кыргызской Республики', ['Министерство экономики и коммерции Кыргызской Республики', 'Министерство финансов Кыргызской Республики']] as const;

describe('a Russian protocol (DOCX, numbers typed)', () => {
  it('gives the meeting from the header: title, date, number, place, who chaired and attended', async () => {
    const p = await read(await tempStore(), 'ru-protocol.docx');
    expect(p.language).toBe('ru');
    expect(p.format).toBe('docx');
    expect(p.meeting).toEqual({
      title: 'Протокол совещания у Председателя Кабинета Министров Кыргызской Республики по вопросам топливно-энергетического комплекса',
      heldOn: '2022-02-15',
      place: 'Бишкек',
      participants: 'Председатель Кабинета Министров Кыргызской Республики Жапаров А.У.; Иванов И.И., Петров П.П., Асанов А.А.',
    });
    expect(p.protocolNumber).toBe('12');
    expect(p.notes).toEqual([]);
  });

  it('gives one candidate per item and sub-item, executors lead first, deadlines from the meeting date', async () => {
    const p = await read(await tempStore(), 'ru-protocol.docx');
    const [lead, co] = RU_EXECUTORS;
    expect(items(p)).toEqual([
      // Item 1 ("… принять к сведению") is no instruction; item 2 opens its sub-items with the executors.
      { n: '2.1', lead, co, due: '2022-03-01', said: 'в срок до 1 марта 2022 года' },
      { n: '2.2', lead, co, due: '2022-03-15', said: 'в месячный срок' },
      // Quarterly, by the 5th of the month after the quarter: the first report is due 5 April.
      { n: '2.3', lead, co, due: '2022-04-05', said: 'ежеквартально, до 5 числа месяца, следующего за отчетным кварталом' },
      { n: '3', lead: 'Министерство транспорта и коммуникаций Кыргызской Республики', co: ['Пограничная служба'], due: '2022-03-01', said: 'в двухнедельный срок' },
      // 10 working days: 23 February is a holiday and Saturday 26 February 2022 a working day in Kyrgyzstan.
      { n: '4', lead: 'Министерство экономики и коммерции Кыргызской Республики', co: [], due: '2022-03-01', said: 'в течение 10 рабочих дней' },
      // `1)` and `2)` under "5. Министерству …:" are its sub-items; "срочно" is 3 working days.
      { n: '5.1', lead, co: [], due: '2022-02-18', said: 'срочно' },
      { n: '5.2', lead, co: [], due: '2022-04-01', said: 'до 1 апреля' },
    ]);
  });

  it('keeps the official beside the lead, the recurrence, the body to report to, topics, and titles an official keeps', async () => {
    const store = await tempStore();
    const p = await read(store, 'ru-protocol.docx');
    const byNumber = new Map(p.candidates.map((c) => [c.protocol!.itemNumber, c]));
    expect(byNumber.get('2.1')!.protocol!.leadPerson).toBe('Иванов И.И.');
    expect(byNumber.get('2.1')!.title).toBe('Обеспечить накопление угля на ТЭЦ г. Бишкек');
    // The sub-item's text carries its item's executors: the instruction reads whole on the card.
    expect(byNumber.get('2.1')!.sentence).toMatch(/^Министерству энергетики Кыргызской Республики \(Иванову И\.И\.\), .*: обеспечить накопление угля/);
    expect(byNumber.get('2.3')!.protocol!.recurrence).toBe('quarterly');
    expect(byNumber.get('2.3')!.protocol!.reportTo).toBe('Аппарат Кабинета Министров Кыргызской Республики');
    expect(byNumber.get('2.3')!.sentence).toContain('ежеквартально, до 5 числа месяца, следующего за отчетным кварталом');
    expect(byNumber.get('3')!.protocol!.reportTo).toBe('Аппарат Кабинета Министров Кыргызской Республики');
    expect(byNumber.get('3')!.title).toBe('Проработать вопрос открытия пункта пропуска «Ак-Тилек»');
    expect(byNumber.get('4')!.title).toBe('Внести предложения по стабилизации цен на горюче-смазочные материалы');
    expect(byNumber.get('5.1')!.title).toBe('Представить расчеты тарифов на электроэнергию');
    expect(byNumber.get('4')!.protocol!.recurrence).toBeNull();
    // Topics suggested by the words of the item, as for a pasted readout.
    const topics = new Map(listTagRows(store.ctx).map((tag) => [tag.id, tag.code]));
    expect(byNumber.get('3')!.tagIds.map((id) => topics.get(id))).toEqual(['checkpoints', 'logistics']);
    expect(byNumber.get('2.1')!.tagIds.map((id) => topics.get(id))).toContain('energy');
    expect(byNumber.get('4')!.protocol!.reportTo).toBeNull();
    expect(p.candidates.some((c) => /принять к сведению/.test(c.sentence))).toBe(false);
  });

  it('matches the executors to the organizations the store has, the rest proposed as new', async () => {
    const store = await tempStore();
    const energy = createOrganization(store.ctx, { name: 'Министерство энергетики Кыргызской Республики', country: 'Кыргызстан' });
    const transport = createOrganization(store.ctx, { name: 'Министерство транспорта и коммуникаций', country: 'KG' });
    const p = await read(store, 'ru-protocol.docx');
    expect(p.candidates[0]!.organizations[0]).toEqual({ existingId: energy.id, name: energy.name });
    expect(p.candidates[0]!.protocol!.coexecutors[0]).toEqual({ existingId: null, name: 'Министерство экономики и коммерции Кыргызской Республики' });
    expect(p.candidates[3]!.organizations[0]).toEqual({ existingId: transport.id, name: transport.name });
  });

  it('moves a deadline off a day off only while the store says so', async () => {
    const store = await tempStore();
    // Kazakh protocol: "2023 жылғы 1 сәуірге дейін" is a Saturday.
    const moved = (await read(store, 'kk-protocol.docx')).candidates[0]!;
    expect(moved.dueDate).toBe('2023-03-31');
    expect(moved.protocol!.movedFrom).toBe('2023-04-01');
    setSetting(store.ctx, MOVE_OFF_NON_WORKING_KEY, false);
    const kept = (await read(store, 'kk-protocol.docx')).candidates[0]!;
    expect(kept.dueDate).toBe('2023-04-01');
    expect(kept.protocol!.movedFrom).toBeNull();
  });
});

describe('the same protocol as a PDF with a text layer', () => {
  it('gives the same meeting and the same items as the DOCX, its wrapped lines joined', async () => {
    const store = await tempStore();
    const fromPdf = await read(store, 'ru-protocol.pdf');
    const fromDocx = await read(store, 'ru-protocol.docx');
    expect(fromPdf.format).toBe('pdf');
    expect(fromPdf.meeting).toEqual(fromDocx.meeting);
    expect(fromPdf.protocolNumber).toBe('12');
    expect(items(fromPdf)).toEqual(items(fromDocx));
    expect(fromPdf.candidates.map((c) => [c.title, c.protocol!.reportTo, c.protocol!.leadPerson])).toEqual(
      fromDocx.candidates.map((c) => [c.title, c.protocol!.reportTo, c.protocol!.leadPerson]),
    );
  });
});

describe('a Kazakh protocol (DOCX, Word numbering)', () => {
  it('reads the header, the dative executors ("министрлігіне") lead first and every Kazakh deadline form', async () => {
    const p = await read(await tempStore(), 'kk-protocol.docx');
    expect(p.language).toBe('kk');
    expect(p.meeting.title).toBe('Қазақстан Республикасы Премьер-Министрінің орынбасары жанындағы энергетика мәселелері жөніндегі кеңестің хаттамасы');
    expect(p.meeting.heldOn).toBe('2023-03-10');
    expect(p.meeting.place).toBe('Астана');
    expect(p.protocolNumber).toBe('7');
    const lead = 'Қазақстан Республикасының Энергетика министрлігі';
    const co = ['Ұлттық экономика министрлігі', 'Қаржы министрлігі'];
    expect(items(p)).toEqual([
      // Item 1 ("… назарға алынсын") is no instruction.
      { n: '2.1', lead, co, due: '2023-03-31', said: '2023 жылғы 1 сәуірге дейін' },
      { n: '2.2', lead, co, due: '2023-04-10', said: 'бір ай мерзімде' },
      { n: '2.3', lead, co, due: '2023-04-05', said: 'тоқсан сайын, есепті тоқсаннан кейінгі айдың 5-іне дейін' },
      { n: '3', lead: 'Көлік министрлігі', co: ['Шекара қызметі'], due: '2023-03-24', said: 'екі апта мерзімде' },
      // 10 working days across Nauryz (21–23 March 2023).
      { n: '4', lead: 'Сауда және интеграция министрлігі', co: [], due: '2023-03-29', said: '10 жұмыс күні ішінде' },
      { n: '5', lead: 'Энергетика министрлігі', co: [], due: '2023-03-15', said: 'шұғыл түрде' },
      // 20 May 2023 is a Saturday: the deadline moves to Friday.
      { n: '6', lead: 'Қаржы министрлігі', co: [], due: '2023-05-19', said: '20 мамырға дейін' },
    ]);
    expect(p.candidates[0]!.protocol!.leadPerson).toBe('Сәтбаев Ә.Ә.');
    expect(p.candidates[2]!.protocol!.recurrence).toBe('quarterly');
    expect(p.candidates[2]!.protocol!.reportTo).toBe('Премьер-Министрдің Кеңсесі');
    expect(p.candidates[3]!.protocol!.reportTo).toBe('Премьер-Министрдің Кеңсесі');
    expect(p.candidates[3]!.title).toBe('«Қорғас» өткізу пунктін ашу мәселесін пысықтау');
    expect(p.candidates[0]!.title).toBe('Жылу электр орталықтарында көмір қорын жинауды қамтамасыз ету');
  });
});

describe('a Kyrgyz protocol (DOCX, `I.` sections, `3)` items)', () => {
  it('reads the dative executors ("министрлигине") and every Kyrgyz deadline form', async () => {
    const p = await read(await tempStore(), 'ky-protocol.docx');
    expect(p.language).toBe('ky');
    expect(p.meeting.heldOn).toBe('2024-11-05');
    expect(p.meeting.place).toBe('Бишкек');
    expect(p.meeting.title).toMatch(/кеңешменин протоколу$/);
    expect(p.protocolNumber).toBe('31');
    const lead = 'Кыргыз Республикасынын Энергетика министрлиги';
    const co = ['Экономика жана коммерция министрлиги', 'Финансы министрлиги'];
    expect(items(p)).toEqual([
      // 1 December 2024 is a Sunday.
      { n: '2.1', lead, co, due: '2024-11-29', said: '2024-жылдын 1-декабрына чейин' },
      { n: '2.2', lead, co, due: '2024-12-05', said: 'бир айлык мөөнөттө' },
      // The fourth quarter's report: 5 January 2025 falls in the New Year days off (1–6 January).
      { n: '2.3', lead, co, due: '2024-12-31', said: 'ар бир чейректе, отчеттук чейректен кийинки айдын 5ине чейин' },
      { n: '3', lead: 'Транспорт жана коммуникациялар министрлиги', co: ['Чек ара кызматы'], due: '2024-11-19', said: 'эки жумалык мөөнөттө' },
      // 10 working days across 7–8 November (holidays in 2024).
      { n: '4', lead: 'Экономика жана коммерция министрлиги', co: [], due: '2024-11-21', said: '10 жумуш күнүнүн ичинде' },
      { n: '5', lead: 'Энергетика министрлиги', co: [], due: '2024-11-12', said: 'шашылыш түрдө' },
      // "1-мартка чейин" without a year, after the meeting: next March (1 March 2025 is a Saturday).
      { n: '6', lead: 'Мамлекеттик салык кызматы', co: [], due: '2025-02-28', said: '1-мартка чейин' },
    ]);
    expect(p.candidates[0]!.protocol!.leadPerson).toBe('Осмонов Б.Б.');
    expect(p.candidates[2]!.protocol!.reportTo).toBe('Министрлер Кабинетинин Аппараты');
    expect(p.candidates[3]!.title).toBe('«Торугарт» өткөрүү пунктун ачуу маселесин иштеп чыгуу');
  });
});

describe('deadline forms and numbering beyond the fixtures', () => {
  async function parse(text: string) {
    const store = await tempStore();
    return parseProtocol(text, { fileName: 'p.docx', format: 'docx' }, {
      catalog: { organizations: [] },
      calendarFor: (country) => calendarForCountry(store.ctx, country ?? defaultCountry(store.ctx)),
      moveOffNonWorking: movesOffNonWorking(store.ctx),
    });
  }

  it('reckons each relative form from the meeting date, and a date without its year after the meeting', async () => {
    const p = await parse(
      [
        'ПРОТОКОЛ совещания в Кабинете Министров Кыргызской Республики',
        'г. Бишкек, 10 июня 2025 года, № 5',
        '1. Министерству финансов в течение месяца подготовить предложения.',
        '2. Министерству юстиции в 10-дневный срок внести изменения.',
        '3. Министерству труда в двухмесячный срок разработать программу.',
        '4. Министерству здравоохранения ежемесячно, до 10 числа месяца, следующего за отчетным, информировать Кабинет Министров.',
        '5. Государственному комитету национальной безопасности до 1 марта внести предложения.',
        '6. Министерству образования в течение двух недель представить план.',
        '7. Министерству цифрового развития не позднее 01.07.2025 обеспечить запуск системы.',
        '8. Первому заместителю Председателя Кабинета Министров совместно с заинтересованными государственными органами в двухнедельный срок рассмотреть вопрос.',
        '9. Министерству энергетики обеспечить подготовку к зиме.',
        'Срок: 15 октября 2025 года.',
        'Председатель Кабинета Министров А. Жапаров',
      ].join('\n'),
    );
    expect(p.candidates.map((c) => [c.protocol!.itemNumber, c.organizations[0]?.name, c.dueDate, c.protocol!.recurrence])).toEqual([
      ['1', 'Министерство финансов', '2025-07-10', null],
      // 20 June 2025 is a Friday.
      ['2', 'Министерство юстиции', '2025-06-20', null],
      // 10 August 2025 is a Sunday.
      ['3', 'Министерство труда', '2025-08-08', null],
      ['4', 'Министерство здравоохранения', '2025-07-10', 'monthly'],
      ['5', 'Государственный комитет национальной безопасности', '2026-02-27', null],
      ['6', 'Министерство образования', '2025-06-24', null],
      ['7', 'Министерство цифрового развития', '2025-07-01', null],
      ['8', 'Первый заместитель Председателя Кабинета Министров', '2025-06-24', null],
      // A deadline on a line of its own under the item; the signature after it is no part of it.
      ['9', 'Министерство энергетики', '2025-10-15', null],
    ]);
    expect(p.candidates[8]!.title).toBe('Обеспечить подготовку к зиме');
    expect(p.candidates[8]!.sentence).not.toContain('Жапаров');
    // "Interested state bodies" name no one: no co-executor is proposed for them.
    expect(p.candidates[7]!.protocol!.coexecutors).toEqual([]);
    expect(p.candidates[7]!.title).toBe('Рассмотреть вопрос');
    expect(p.candidates[3]!.protocol!.reportTo).toBe('Кабинет Министров');
  });

  it('leaves a relative deadline empty, and says so, when the protocol gives no date', async () => {
    const p = await parse(['ПРОТОКОЛ', 'совещания по вопросам энергетики', '1. Министерству энергетики в месячный срок разработать план.'].join('\n'));
    expect(p.meeting.heldOn).toBeNull();
    expect(p.notes).toContain('noDate');
    expect(p.candidates).toHaveLength(1);
    expect(p.candidates[0]!.dueDate).toBeNull();
    expect(p.candidates[0]!.protocol!.deadlineText).toBe('в месячный срок');
  });

  it('numbers items that start again in each section by the section', async () => {
    const p = await parse(
      [
        'ПРОТОКОЛ совещания',
        'от 3 марта 2025 года',
        'I. Об энергетике',
        '1. Министерству энергетики разработать план.',
        'II. О торговле',
        '1. Министерству экономики:',
        '1.1 разработать план;',
        '1.2 представить отчет.',
        '2. Информацию Министерства экономики принять к сведению.',
      ].join('\n'),
    );
    // Sub-items written without their last dot (`1.1 `) are sub-items all the same.
    expect(p.candidates.map((c) => c.protocol!.itemNumber)).toEqual(['I.1', 'II.1.1', 'II.1.2']);
    expect(p.candidates[2]!.organizations[0]!.name).toBe('Министерство экономики');
  });
});
