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
