// Meetings whose protocols give the instructions.
import { newId, type StoreContext } from './context';
import { StoreError } from './errors';
import { recordChange, recordDiff } from './history';
import type { Meeting } from './model';
import { meetingsTable, toDomain, type MeetingRow } from './schema/index';

const toMeeting = toDomain(meetingsTable);

export interface MeetingInput {
  title: string;
  heldOn?: string | null;
  place?: string | null;
  participants?: string | null;
  protocolNumber?: string | null;
  sourceText?: string | null;
  isDemo?: boolean;
}

export function listMeetings(ctx: StoreContext): Meeting[] {
  return (ctx.stmt('SELECT * FROM meetings ORDER BY held_on DESC, title').all() as MeetingRow[]).map(toMeeting);
}

export function getMeeting(ctx: StoreContext, id: string): Meeting {
  const row = ctx.stmt('SELECT * FROM meetings WHERE id = ?').get(id) as MeetingRow | undefined;
  if (!row) throw new StoreError('not_found', `No meeting ${id}.`, 'meetingNotFound');
  return toMeeting(row);
}

export function createMeeting(ctx: StoreContext, input: MeetingInput, id: string = newId()): Meeting {
  return ctx.transaction(() => {
    const at = ctx.timestamp();
    ctx
      .stmt(
        `INSERT INTO meetings (id, title, held_on, place, participants, protocol_number, source_text, is_demo, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.title.trim(),
        input.heldOn ?? null,
        input.place ?? null,
        input.participants ?? null,
        input.protocolNumber ?? null,
        input.sourceText ?? null,
        input.isDemo ? 1 : 0,
        at,
        at,
      );
    recordChange(ctx, { entity: 'meeting', entityId: id, instructionId: null, field: 'created', oldValue: null, newValue: input.title });
    return getMeeting(ctx, id);
  });
}

export function updateMeeting(ctx: StoreContext, id: string, patch: Partial<Omit<MeetingInput, 'isDemo'>>): Meeting {
  return ctx.transaction(() => {
    const before = getMeeting(ctx, id);
    const after = {
      title: patch.title?.trim() ?? before.title,
      heldOn: patch.heldOn === undefined ? before.heldOn : patch.heldOn,
      place: patch.place === undefined ? before.place : patch.place,
      participants: patch.participants === undefined ? before.participants : patch.participants,
      protocolNumber: patch.protocolNumber === undefined ? before.protocolNumber : patch.protocolNumber,
      sourceText: patch.sourceText === undefined ? before.sourceText : patch.sourceText,
    };
    const changed = recordDiff(ctx, { entity: 'meeting', entityId: id, instructionId: null }, { ...before }, after);
    if (changed.length > 0) {
      ctx
        .stmt(
          `UPDATE meetings SET title = ?, held_on = ?, place = ?, participants = ?, protocol_number = ?, source_text = ?, updated_at = ?
           WHERE id = ?`,
        )
        .run(after.title, after.heldOn, after.place, after.participants, after.protocolNumber, after.sourceText, ctx.timestamp(), id);
    }
    return getMeeting(ctx, id);
  });
}
