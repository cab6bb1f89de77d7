// The pure rules both sides share: the hybrid clock and the merge of plain fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc, mergeSet, parseHlc, receive, tick, type Hlc } from '../../../../db/sync/index';

describe('the hybrid logical clock', () => {
  it('orders as its text orders and never runs backwards, whatever the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2_000_000_000_000 }), fc.integer({ min: 0, max: 2_000_000_000_000 })), { maxLength: 50 }), (steps) => {
        let clock: Hlc = { wall: 0, counter: 0, node: 'desk-a' };
        let last = formatHlc(clock);
        for (const [remote, now, other] of steps) {
          clock = remote ? receive(clock, { wall: other, counter: 3, node: 'desk-b' }, now) : tick(clock, now);
          const text = formatHlc(clock);
          expect(compareHlc(text, last)).toBeGreaterThan(0);
          expect(parseHlc(text)).toEqual(clock);
          last = text;
        }
      }),
    );
  });
});

describe('the merge of plain fields', () => {
  const at = (wall: number, node: string) => formatHlc({ wall, counter: 0, node });

  it('keeps the later writer per field, whichever arrives first', () => {
    const current = { title: { value: 'Old', hlc: at(2, 'b'), device: 'b' }, priority: { value: 'low', hlc: at(5, 'b'), device: 'b' } };
    const r = mergeSet(current, { fields: { title: 'New', priority: 'high' }, hlc: at(3, 'a'), device: 'a' });
    expect(r.apply).toEqual({ title: 'New' });
  });

  it('lists a field changed on two desks since their common state, with both values and the one that stands', () => {
    const current = { dueDate: { value: '2026-05-01', hlc: at(2, 'b'), device: 'b' }, title: { value: 'Same', hlc: at(2, 'b'), device: 'b' } };
    const r = mergeSet(current, { fields: { dueDate: '2026-06-01', title: 'Same' }, base: { dueDate: '2026-04-01', title: 'Old' }, hlc: at(3, 'a'), device: 'a' });
    expect(r.conflicts).toEqual([{ field: 'dueDate', base: '2026-04-01', current: '2026-05-01', currentHlc: at(2, 'b'), incoming: '2026-06-01', kept: 'incoming' }]);
  });

  it('sees no conflict in a desk changing its own value again', () => {
    const current = { title: { value: 'Mine', hlc: at(2, 'a'), device: 'a' } };
    expect(mergeSet(current, { fields: { title: 'Mine again' }, base: { title: 'Original' }, hlc: at(3, 'a'), device: 'a' }).conflicts).toEqual([]);
  });
});
