// The store's bulk path for imports: the rules of createInstruction for many rows at once,
// history in order, nothing stored when one row breaks a rule; ids that sort by creation.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newId } from '../../../../db/context';
import {
  BULK_ROWS,
  addCoexecutor,
  createInstruction,
  createInstructions,
  getInstruction,
  listCoexecutors,
  listInstructionTagIds,
  setInstructionTags,
  updateInstruction,
} from '../../../../db/instructions';
import { listInstructionHistory } from '../../../../db/history';
import { queryCards } from '../../../../db/boards';
import { StoreError } from '../../../../db/errors';
import { smallWorld, tagId } from '../../../support/fixtures';
import { tempStore } from '../../../support/temp';
import { storeHash } from '../../../support/intake';

/** The ids of the cards the search box finds for `text`. */
const found = (ctx: Parameters<typeof queryCards>[0], text: string) => queryCards(ctx, { filters: [text] }).cards.map((c) => c.id);

describe('ids', () => {
  it('are version 7 UUIDs that sort in the order they were made', async () => {
    const first = newId();
    await new Promise((resolve) => setTimeout(resolve, 3));
    const second = newId();
    expect(z.uuid().safeParse(first).success).toBe(true);
    expect(first[14]).toBe('7');
    expect(first < second).toBe(true);
    expect(new Set(Array.from({ length: 10_000 }, newId)).size).toBe(10_000);
  });
});

describe('creating many instructions', () => {
  it('applies the rules of createInstruction to each, with consecutive ranks and history in order', async () => {
    const { ctx } = await tempStore();
    const world = smallWorld(ctx);
    const single = createInstruction(ctx, { title: 'One at a time', meetingId: world.meeting.id });
    const ids = createInstructions(ctx, [
      { title: '  Work out the supply  ', meetingId: world.meeting.id, leadOrgId: world.energy.id, dueDate: '2027-12-01', tagIds: [tagId(ctx, 'energy'), tagId(ctx, 'energy')], coexecutors: [{ organizationId: world.economy.id }] },
      { title: 'Second', meetingId: world.meeting.id, priority: 'high' },
    ]);
    const [a, b] = ids.map((id) => getInstruction(ctx, id));
    expect(a).toMatchObject({ title: 'Work out the supply', dueDate: '2027-12-01', originalDueDate: '2027-12-01', status: 'assigned', version: 1, leadOrgId: world.energy.id });
    expect(b).toMatchObject({ title: 'Second', priority: 'high', dueDate: null });
    expect([single.rank < a!.rank, a!.rank < b!.rank]).toEqual([true, true]);
    expect(listInstructionTagIds(ctx, a!.id)).toEqual([tagId(ctx, 'energy')]);
    expect(listCoexecutors(ctx, a!.id).map((c) => c.organizationId)).toEqual([world.economy.id]);
    expect(listInstructionHistory(ctx, a!.id).map((h) => [h.field, h.newValue])).toEqual([
      ['created', 'Work out the supply'],
      ['topic', 'energy'],
      ['coexecutor', JSON.stringify({ organizationId: world.economy.id, personId: null, dueDate: null })],
    ]);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM instruction_fts WHERE instruction_fts MATCH 'supply'").get()).toEqual({ n: 1 });
  });

  it('stores none of them when one breaks a rule', async () => {
    const { ctx } = await tempStore();
    const world = smallWorld(ctx);
    const hash = storeHash(ctx);
    const attempt = (inputs: Parameters<typeof createInstructions>[1]) => {
      try {
        createInstructions(ctx, inputs);
      } catch (err) {
        return err;
      }
      return null;
    };
    expect(attempt([{ title: 'Fine' }, { title: 'Bad date', dueDate: '2026-02-30' }])).toMatchObject({ code: 'validation', key: 'badDate' });
    expect(attempt([{ title: 'Fine' }, { title: '   ' }])).toMatchObject({ key: 'titleRequired' });
    expect(attempt([{ title: 'Fine', leadOrgId: world.energy.id }, { title: 'Nowhere', meetingId: '00000000-0000-4000-8000-000000000000' }])).toBeInstanceOf(StoreError);
    expect(attempt([{ title: 'Fine', tagIds: ['00000000-0000-4000-8000-000000000000'] }])).toMatchObject({ key: 'topicNotFound' });
    expect(storeHash(ctx)).toBe(hash);
    // The store is fine afterwards (the staging table went with the rolled-back transaction).
    expect(createInstructions(ctx, [{ title: 'After the failures' }])).toHaveLength(1);
  });

  it('stores a large batch exactly as it stores a small one, and leaves the store’s triggers working', async () => {
    const { ctx } = await tempStore();
    const world = smallWorld(ctx);
    const energy = tagId(ctx, 'energy');
    const trade = tagId(ctx, 'trade');
    const input = (n: number) => ({
      title: `Batch item ${n} on the Kazakh grid`,
      body: n % 2 === 0 ? `Text ${n}` : '',
      meetingId: world.meeting.id,
      leadOrgId: world.energy.id,
      dueDate: '2027-12-01',
      tagIds: n % 3 === 0 ? [] : [trade, energy],
      coexecutors: n % 4 === 0 ? [] : [{ organizationId: world.economy.id, dueDate: '2026-11-20' }],
    });
    const small = createInstructions(ctx, [0, 1, 2, 3].map(input));
    const large = createInstructions(ctx, Array.from({ length: BULK_ROWS + 4 }, (_, n) => input(n)));
    const stored = (id: string) => {
      const row = ctx.db.prepare('SELECT title, body, tag_list, coexecutor_count, report_count, version, status, due_date FROM instructions WHERE id = ?').get(id);
      const history = listInstructionHistory(ctx, id).map((h) => [h.entity, h.field, h.oldValue, h.newValue]);
      const coexecutors = listCoexecutors(ctx, id).map((c) => [c.organizationId, c.dueDate]);
      return { row, history, coexecutors, tags: listInstructionTagIds(ctx, id) };
    };
    small.forEach((id, n) => expect(stored(large[n]!)).toEqual(stored(id)));
    expect(found(ctx, 'kazakh grid')).toHaveLength(small.length + large.length);
    expect(found(ctx, '"Batch item 203"')).toEqual([large[203]]);

    // Afterwards edits still keep the search, the topic list and the counts up to date.
    const last = large[large.length - 1]!;
    updateInstruction(ctx, last, { title: 'Renamed after the import' });
    expect(found(ctx, 'renamed')).toEqual([last]);
    setInstructionTags(ctx, last, [energy]);
    addCoexecutor(ctx, last, { organizationId: world.energy.id });
    expect(ctx.db.prepare('SELECT tag_list, coexecutor_count FROM instructions WHERE id = ?').get(last)).toEqual({ tag_list: energy, coexecutor_count: 2 });
    const triggers = () => ctx.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").all();
    const before = triggers();
    // A large batch that fails midway stores nothing and keeps every trigger.
    const hash = storeHash(ctx);
    const failing = Array.from({ length: BULK_ROWS }, (_, n) => input(n));
    failing.push({ ...input(0), tagIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(() => createInstructions(ctx, failing)).toThrow(StoreError);
    expect(storeHash(ctx)).toBe(hash);
    expect(triggers()).toEqual(before);
  });
});
