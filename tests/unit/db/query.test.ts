import { describe, expect, it } from 'vitest';
import { addReport } from '../../../db/instructions';
import { queryCards } from '../../../db/boards';
import { parseQuery } from '../../../db/query';
import { updateInstruction } from '../../../db/instructions';
import type { StoreContext } from '../../../db/context';
import { tempStore } from '../../support/temp';
import { smallWorld, tagId } from '../../support/fixtures';

/** What the search box over a board finds: the ids of the cards whose text matches. */
function found(ctx: StoreContext, text: string): string[] {
  return queryCards(ctx, { filters: [text] }).cards.map((c) => c.id);
}

describe('full-text search', () => {
  it('finds Cyrillic, Kazakh and Latin text regardless of case', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const kazakh = add('Қазақ энергетика жүйесімен келісім');
    const russian = add('Транзит электроэнергии через территорию Казахстана');
    const english = add('Wholesale Distribution Centres');
    const titles = (q: string) => found(ctx, q);
    expect(titles('ҚАЗАҚ')).toEqual([kazakh.id]);
    expect(titles('қазақ')).toEqual([kazakh.id]);
    expect(titles('ТРАНЗИТ')).toEqual([russian.id]);
    expect(titles('wholesale distribution')).toEqual([english.id]);
    expect(titles('WHOLESALE')).toEqual([english.id]);
    // Prefix matching: the start of a word is enough.
    expect(titles('электроэнерг')).toEqual([russian.id]);
    expect(titles('nothing-like-this')).toEqual([]);
  });

  it('indexes report texts and follows edits of titles', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Пункты пропуска');
    addReport(ctx, item.id, 'interim', 'Санитарные требования согласованы');
    expect(found(ctx, 'санитарные')).toEqual([item.id]);
    updateInstruction(ctx, item.id, { title: 'Checkpoints for vaccinated citizens' });
    expect(found(ctx, 'пропуска')).toEqual([]);
    expect(found(ctx, 'vaccinated')).toEqual([item.id]);
  });

  it('treats FTS syntax in the search box as plain words', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    add('Energy "supply" AND transit');
    expect(() => found(ctx, '"unbalanced NEAR( OR *')).not.toThrow();
    expect(found(ctx, 'supply AND')).toHaveLength(1);
  });
});

describe('search language', () => {
  it('parses fields in English and Russian, negation, quotes and dates', () => {
    const parsed = parseQuery('энергия status:in_progress,resolved -org:"Минэнерго РК" due:<2026-12-01 срок:>=01.11.2026 просрочено:да приоритет:высокий', '2026-11-27');
    expect(parsed.problems).toEqual([]);
    expect(parsed.terms).toEqual([
      { kind: 'text', value: 'энергия', negated: false },
      { kind: 'status', values: ['in_progress', 'resolved'], negated: false },
      { kind: 'org', value: 'Минэнерго РК', negated: true },
      { kind: 'due', op: '<', date: '2026-12-01', negated: false },
      { kind: 'due', op: '>=', date: '2026-11-01', negated: false },
      { kind: 'overdue', value: true, negated: false },
      { kind: 'priority', values: ['high'], negated: false },
    ]);
  });

  it('reports what is wrong in a malformed query instead of throwing', () => {
    const parsed = parseQuery('colour:red status:flying due:<tomorrow "open quote', '2026-11-27');
    expect(parsed.problems).toEqual([
      { code: 'unknown_field', at: 0, field: 'colour' },
      { code: 'bad_value', at: 11, field: 'status', value: 'flying' },
      { code: 'bad_date', at: 25, field: 'due', value: 'tomorrow' },
      { code: 'unterminated_quote', at: 39 },
    ]);
  });

  it('filters cards by organization, topic, overdue and negation', async () => {
    const now = new Date(2026, 10, 27, 12);
    const { ctx } = await tempStore({ now: () => now });
    const { add, economy } = smallWorld(ctx);
    const late = add('Late energy task', { dueDate: '2026-11-20', allowPastDeadline: true, tagIds: [tagId(ctx, 'energy')] });
    const future = add('Future trade task', { dueDate: '2026-12-20', leadOrgId: economy.id, tagIds: [tagId(ctx, 'trade')] });
    const none = add('No date', { leadOrgId: null });
    const ids = (q: string) => queryCards(ctx, { filters: [q] }).cards.map((c) => c.id);
    expect(ids('overdue:yes')).toEqual([late.id]);
    expect(ids('overdue:no')).toEqual([future.id, none.id]);
    expect(ids('org:минэнерго')).toEqual([late.id]);
    expect(ids('-org:минэнерго')).toEqual([future.id, none.id]);
    expect(ids('topic:торговля')).toEqual([future.id]);
    expect(ids('topic:energy task')).toEqual([late.id]);
    expect(ids('due:>2026-12-01')).toEqual([future.id]);
    expect(ids('org:"no such ministry"')).toEqual([]);
    expect(queryCards(ctx, { filters: ['status:nonsense'] }).problems).toHaveLength(1);
  });
});

describe('search by word forms (issue 10)', () => {
  it('finds Russian words in their other forms, fleeting vowels included', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const coal = add('Обеспечить поставки угля в Бишкек до начала отопительного сезона');
    const corner = add('Открыть торговый дом на углу проспекта Манаса');
    const other = add('Провести переговоры о транзите электроэнергии');
    expect(found(ctx, 'уголь')).toEqual([coal.id, corner.id]);
    expect(found(ctx, 'Бишкеке')).toEqual([coal.id]);
    expect(found(ctx, 'поставок угля')).toEqual([coal.id]);
    expect(found(ctx, 'транзит')).toEqual([other.id]);
    expect(found(ctx, 'транзитом электроэнергией')).toEqual([other.id]);
    // Typing the start of a word still finds it.
    expect(found(ctx, 'Бишк')).toEqual([coal.id]);
    expect(found(ctx, 'уголовный')).toEqual([]);
  });

  it('finds Kazakh and Kyrgyz words in their other forms', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const kk = add('Энергетика министрлігіне тапсырмалар Бишкекте орындалды');
    const ky = add('Экономика министрлигине тапшырма берилди');
    const kkOnly = add('Қазақстанның электр энергиясын тасымалдау');
    // The Kazakh and the Kyrgyz word share their root (министр-лік, министр-лик): each finds both.
    expect(found(ctx, 'министрлігі')).toEqual([kk.id, ky.id]);
    expect(found(ctx, 'министрлигине')).toEqual([kk.id, ky.id]);
    expect(found(ctx, 'министрлікке')).toEqual([kk.id, ky.id]);
    expect(found(ctx, 'тапсырма')).toEqual([kk.id]);
    expect(found(ctx, 'тапшырмалардын')).toEqual([ky.id]);
    expect(found(ctx, 'Бишкек')).toEqual([kk.id]);
    expect(found(ctx, 'Қазақстанға')).toEqual([kkOnly.id]);
    expect(found(ctx, 'энергиясы')).toEqual([kkOnly.id]);
    expect(found(ctx, 'орындау')).toEqual([kk.id]);
  });

  it('finds English words in their other forms', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Supplies of electricity to the border checkpoints');
    expect(found(ctx, 'supply')).toEqual([item.id]);
    expect(found(ctx, 'checkpoint')).toEqual([item.id]);
    expect(found(ctx, 'bordering')).toEqual([item.id]);
  });

  it('finds word forms in reports and follows edits', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const item = add('Пункты пропуска');
    expect(found(ctx, 'пункт')).toEqual([item.id]);
    addReport(ctx, item.id, 'interim', 'Поставки угля согласованы с Министерством');
    expect(found(ctx, 'уголь')).toEqual([item.id]);
    updateInstruction(ctx, item.id, { title: 'Тапсырмалар Бишкекте' });
    expect(found(ctx, 'пункт')).toEqual([]);
    expect(found(ctx, 'Бишкек')).toEqual([item.id]);
  });
});

describe('search language in Kazakh and Kyrgyz (issue 10)', () => {
  it('accepts field and status names in Kazakh, Kyrgyz and Russian as the interface shows them', () => {
    const today = '2026-11-27';
    const statusOf = (q: string) => parseQuery(q, today);
    expect(statusOf('мәртебе: орындалды').problems).toEqual([]);
    expect(statusOf('мәртебе:орындалды').terms).toEqual([{ kind: 'status', values: ['resolved'], negated: false }]);
    expect(statusOf('Мәртебесі:Орындалуда').terms).toEqual([{ kind: 'status', values: ['in_progress'], negated: false }]);
    expect(statusOf('мәртебе:"Есеп ұсынылды"').terms).toEqual([{ kind: 'status', values: ['report_submitted'], negated: false }]);
    expect(statusOf('мәртебе:Тағайындалды').terms).toEqual([{ kind: 'status', values: ['assigned'], negated: false }]);
    expect(statusOf('абалы:аткарылды').terms).toEqual([{ kind: 'status', values: ['resolved'], negated: false }]);
    expect(statusOf('абалы:Аткарылууда,Дайындалды').terms).toEqual([{ kind: 'status', values: ['in_progress', 'assigned'], negated: false }]);
    expect(statusOf('абалы:"Отчёт берилди"').terms).toEqual([{ kind: 'status', values: ['report_submitted'], negated: false }]);
    expect(statusOf('статус:исполнено').terms).toEqual([{ kind: 'status', values: ['resolved'], negated: false }]);
    expect(statusOf('статус:"отчёт представлен"').terms).toEqual([{ kind: 'status', values: ['report_submitted'], negated: false }]);
    const kk = parseQuery('ұйым:Минэнерго тақырып:энергетика кеңес:2026 мерзім:<бүгін кешікті:иә басымдық:жоғары жауапты:Асанов мұрағат:жоқ', today);
    expect(kk.problems).toEqual([]);
    expect(kk.terms.map((t) => t.kind)).toEqual(['org', 'topic', 'meeting', 'due', 'overdue', 'priority', 'assignee', 'archived']);
    expect(kk.terms[3]).toEqual({ kind: 'due', op: '<', date: today, negated: false });
    expect(kk.terms[5]).toEqual({ kind: 'priority', values: ['high'], negated: false });
    const ky = parseQuery('уюм:Минэнерго тема:энергетика жыйналыш:2026 мөөнөт:<бүгүн кечикти:ооба артыкчылык:шашылыш жооптуу:Асанов архивде:жок', today);
    expect(ky.problems).toEqual([]);
    expect(ky.terms.map((t) => t.kind)).toEqual(['org', 'topic', 'meeting', 'due', 'overdue', 'priority', 'assignee', 'archived']);
    expect(ky.terms[5]).toEqual({ kind: 'priority', values: ['critical'], negated: false });
  });

  it('filters cards by a Kazakh or Kyrgyz status', async () => {
    const { ctx } = await tempStore();
    const { add } = smallWorld(ctx);
    const open = add('Open task');
    expect(queryCards(ctx, { filters: ['мәртебе: тағайындалды'] }).cards.map((c) => c.id)).toEqual([open.id]);
    expect(queryCards(ctx, { filters: ['абалы:аткарылды'] }).cards).toEqual([]);
    expect(queryCards(ctx, { filters: ['абалы:аткарылды'] }).problems).toEqual([]);
  });
});
