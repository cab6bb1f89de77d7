// Instructions as records: reading one, creating, editing plain fields, archiving.
import { newId, type StoreContext } from '../context';
import { recordChange, recordDiff } from '../history';
import type { Instruction, IsoDate, Priority } from '../model';
import { instructionsTable, toDomain, type InstructionRow } from '../schema/index';
import { StoreError } from '../errors';
import { checkReference, checkVersion, requireText, touch } from './checks';
import { insertInstructions } from './bulk';
import { checkControlNumber } from './control-numbers';

const toInstruction = toDomain(instructionsTable);

export function getInstruction(ctx: StoreContext, id: string): Instruction {
  const row = ctx.stmt('SELECT * FROM instructions WHERE id = ?').get(id) as InstructionRow | undefined;
  if (!row) throw new StoreError('not_found', `No instruction ${id}.`, 'instructionNotFound');
  return toInstruction(row);
}

export interface CoexecutorInput {
  organizationId?: string | null;
  personId?: string | null;
  dueDate?: IsoDate | null;
}

export interface InstructionInput {
  meetingId?: string | null;
  itemNumber?: string | null;
  /** A control number to keep (an imported record's) when it is free; otherwise one is made from the store's pattern. */
  controlNumber?: string | null;
  title: string;
  body?: string;
  leadOrgId?: string | null;
  leadPersonId?: string | null;
  controllerId?: string | null;
  dueDate?: IsoDate | null;
  /** A deadline in the past is kept (the official confirmed it, or an import of historical records). */
  allowPastDeadline?: boolean;
  priority?: Priority;
  onControl?: boolean;
  tagIds?: string[];
  coexecutors?: CoexecutorInput[];
  isDemo?: boolean;
  /** How the instruction recurs (db/periods.ts: `monthly:5`, `quarterly:5`, `yearly:01-15`, `rrule:…`); none for a one-off. */
  recurrence?: string | null;
}

export function createInstruction(ctx: StoreContext, input: InstructionInput, id: string = newId()): Instruction {
  return ctx.transaction(() => {
    insertInstructions(ctx, [input], [id]);
    return getInstruction(ctx, id);
  }, { immediate: true });
}

export interface InstructionPatch {
  meetingId?: string | null;
  itemNumber?: string | null;
  controlNumber?: string;
  title?: string;
  body?: string;
  leadOrgId?: string | null;
  leadPersonId?: string | null;
  controllerId?: string | null;
  priority?: Priority;
  onControl?: boolean;
}

const PATCH_COLUMNS: Record<keyof InstructionPatch, string> = {
  meetingId: 'meeting_id',
  itemNumber: 'item_number',
  controlNumber: 'control_number',
  title: 'title',
  body: 'body',
  leadOrgId: 'lead_org_id',
  leadPersonId: 'lead_person_id',
  controllerId: 'controller_id',
  priority: 'priority',
  onControl: 'on_control',
};

/** Edits plain fields. Status, due date and topics have their own functions with their own rules. */
export function updateInstruction(ctx: StoreContext, id: string, patch: InstructionPatch, expectedVersion?: number): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, expectedVersion);
    if (patch.title !== undefined) patch = { ...patch, title: requireText(patch.title, 'A title', 'titleRequired') };
    if (patch.controlNumber !== undefined) patch = { ...patch, controlNumber: checkControlNumber(ctx, id, patch.controlNumber) };
    checkReference(ctx, 'meetings', patch.meetingId);
    checkReference(ctx, 'organizations', patch.leadOrgId);
    checkReference(ctx, 'people', patch.leadPersonId);
    checkReference(ctx, 'people', patch.controllerId);
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(patch) as (keyof InstructionPatch)[]) {
      if (patch[key] !== undefined) after[key] = patch[key];
    }
    const changed = recordDiff(ctx, { entity: 'instruction', entityId: id, instructionId: id }, { ...before }, after) as (keyof InstructionPatch)[];
    if (changed.length > 0) {
      const sets = changed.map((k) => `${PATCH_COLUMNS[k]} = ?`).join(', ');
      const values = changed.map((k) => (typeof after[k] === 'boolean' ? (after[k] ? 1 : 0) : after[k]));
      ctx.stmt(`UPDATE instructions SET ${sets} WHERE id = ?`).run(...values, id);
      touch(ctx, id);
    }
    return getInstruction(ctx, id);
  });
}

export function archiveInstruction(ctx: StoreContext, id: string, archived: boolean, expectedVersion?: number): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, id);
    checkVersion(before, expectedVersion);
    if (before.archived === archived) return before;
    ctx.stmt('UPDATE instructions SET archived = ? WHERE id = ?').run(archived ? 1 : 0, id);
    recordChange(ctx, { entity: 'instruction', entityId: id, instructionId: id, field: 'archived', oldValue: before.archived, newValue: archived });
    touch(ctx, id);
    return getInstruction(ctx, id);
  });
}
