// Instructions and the domain rules around them: the status workflow, deadlines, reports,
// co-executors, topics and positions. Every change writes history rows. The public API, by concern:
export { getInstruction, createInstruction, updateInstruction, archiveInstruction } from './records';
export type { CoexecutorInput, InstructionInput, InstructionPatch } from './records';
export { createInstructions, BULK_ROWS } from './bulk';
export { DEFAULT_DUE_SOON_DAYS, dueSoonDays, deriveDeadline, changeDueDate, undoDueDateChange, changeStatus, addReport, listReports, listExtensions, standingExtensions } from './workflow';
export { controlNumberPattern, setControlNumberPattern, normalizeControlNumber, DEFAULT_CONTROL_PATTERN } from './control-numbers';
export type { StatusChange } from './workflow';
export { RANK_GAP, rankBetweenNeighbours } from './ranks';
export { moveInstruction } from './moves';
export type { MoveInput, MoveTarget } from './moves';
export { listCoexecutors, addCoexecutor, updateCoexecutor, removeCoexecutor } from './coexecutors';
export { listInstructionTagIds, setInstructionTags } from './tags';
