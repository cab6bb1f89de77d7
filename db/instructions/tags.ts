// The topics of an instruction.
import type { StoreContext } from '../context';
import { StoreError } from '../errors';
import { recordChange, type Change } from '../history';
import type { Instruction } from '../model';
import { checkVersion, touch } from './checks';
import { getInstruction } from './records';

export function listInstructionTagIds(ctx: StoreContext, instructionId: string): string[] {
  return (ctx.stmt('SELECT tag_id FROM instruction_tags WHERE instruction_id = ? ORDER BY tag_id').all(instructionId) as { tag_id: string }[]).map(
    (r) => r.tag_id,
  );
}

export function tagCode(ctx: StoreContext, tagId: string): string {
  const row = ctx.stmt('SELECT code FROM tags WHERE id = ?').get(tagId) as { code: string } | undefined;
  if (!row) throw new StoreError('not_found', `No topic ${tagId}.`, 'topicNotFound');
  return row.code;
}

/** Tags an instruction; returns the history row to record, or null when it had the topic already. */
function insertTag(ctx: StoreContext, instructionId: string, tagId: string, code: string): Change | null {
  const result = ctx.stmt('INSERT OR IGNORE INTO instruction_tags (instruction_id, tag_id) VALUES (?, ?)').run(instructionId, tagId);
  if (result.changes === 0) return null;
  return { entity: 'instruction', entityId: instructionId, instructionId, field: 'topic', oldValue: null, newValue: code };
}

function addTag(ctx: StoreContext, instructionId: string, tagId: string): boolean {
  const change = insertTag(ctx, instructionId, tagId, tagCode(ctx, tagId));
  if (change) recordChange(ctx, change);
  return change !== null;
}

function removeTag(ctx: StoreContext, instructionId: string, tagId: string): boolean {
  const code = tagCode(ctx, tagId);
  const result = ctx.stmt('DELETE FROM instruction_tags WHERE instruction_id = ? AND tag_id = ?').run(instructionId, tagId);
  if (result.changes === 0) return false;
  recordChange(ctx, { entity: 'instruction', entityId: instructionId, instructionId, field: 'topic', oldValue: code, newValue: null });
  return true;
}

export function setInstructionTags(ctx: StoreContext, instructionId: string, tagIds: string[], expectedVersion?: number): Instruction {
  return ctx.transaction(() => {
    const before = getInstruction(ctx, instructionId);
    checkVersion(before, expectedVersion);
    const current = new Set(listInstructionTagIds(ctx, instructionId));
    const wanted = new Set(tagIds);
    let changed = false;
    for (const id of current) if (!wanted.has(id)) changed = removeTag(ctx, instructionId, id) || changed;
    for (const id of wanted) if (!current.has(id)) changed = addTag(ctx, instructionId, id) || changed;
    if (changed) touch(ctx, instructionId);
    return getInstruction(ctx, instructionId);
  });
}
