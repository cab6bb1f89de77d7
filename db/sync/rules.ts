// The team's rules, shared by the server (which enforces them) and the desk (whose UI mirrors them):
// who may make which operation, the workflow moves, and the merge of plain fields. Pure: no
// SQLite, no node.
import { STATUSES, type Status } from '../model';
import { compareHlc } from './hlc';
import { entityFields, eventDataSchemas, fitsColumn, type Json, type Operation, type SetOperation } from './operations';

export const ROLES = ['administrator', 'controller', 'executor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  id: string;
  login: string;
  role: Role;
  /** An executor's organization (the one it works for). */
  organizationId: string | null;
}

/** What the server knows about the instruction an operation touches. */
export interface InstructionFacts {
  leadOrgId: string | null;
  coexecutorOrgIds: readonly string[];
  status: Status;
  dueDate: string | null;
  resolution: string | null;
  reportCount: number;
}

export interface RuleFacts {
  /** The instruction the operation belongs to, null when it does not exist (yet). */
  instruction: InstructionFacts | null;
  /** Whether the record a `set` changes exists already. */
  exists: boolean;
  /** For a coexecutor `set`: the organization it names now, if it exists. */
  coexecutorOrgId?: string | null;
  /** For an extension decision: the request it decides. */
  request?: { instructionId: string; newDate: string; decided: boolean } | null;
}

export const REFUSALS = [
  'readOnly',
  'administratorOnly',
  'controllerOnly',
  'notYourInstruction',
  'deadlineOnlyByExtension',
  'executorField',
  'unknownField',
  'badValue',
  'badMove',
  'unknownInstruction',
  'unknownRequest',
  'alreadyDecided',
  'finalReportRequired',
  'reportRequired',
  'badData',
] as const;
export type RefusalCode = (typeof REFUSALS)[number];

export interface Refusal {
  code: RefusalCode;
  message: string;
}

function refuse(code: RefusalCode, message: string): Refusal {
  return { code, message };
}

/** Fields an executor may change on an instruction it leads or co-executes: its status only. */
export const EXECUTOR_FIELDS: readonly string[] = ['status'];
/** Statuses an executor may move to. */
export const EXECUTOR_STATUSES: readonly Status[] = ['in_progress', 'report_submitted'];

/** Whether an executor's organization leads or co-executes the instruction. */
export function executorSees(account: Account, facts: InstructionFacts | null): boolean {
  if (account.role !== 'executor') return true;
  if (!facts || account.organizationId === null) return false;
  return facts.leadOrgId === account.organizationId || facts.coexecutorOrgIds.includes(account.organizationId);
}

/** Whether a status move is allowed by the workflow (DESIGN.md: assigned → in_progress → report_submitted → resolved). */
export function checkMove(from: Status, to: Status, facts: InstructionFacts, fields: Record<string, Json>): Refusal | null {
  if (from === to) return null;
  if (!STATUSES.includes(to)) return refuse('badValue', `Unknown status ${to}.`);
  if (to === 'resolved') {
    const resolution = 'resolution' in fields ? fields.resolution : facts.resolution;
    if (typeof resolution !== 'string' || resolution.trim() === '') return refuse('finalReportRequired', 'A final report is required to resolve an instruction.');
  }
  if (to === 'report_submitted' && facts.reportCount === 0) return refuse('reportRequired', 'File a progress report before marking the report submitted.');
  return null;
}

function checkFields(op: SetOperation): Refusal | null {
  const declared = entityFields(op.entity);
  for (const [field, value] of Object.entries(op.fields)) {
    const decl = declared[field];
    if (!decl) return refuse('unknownField', `${op.entity} has no field ${field}.`);
    if (!fitsColumn(decl, value)) return refuse('badValue', `${value === null ? 'An empty value' : JSON.stringify(value).slice(0, 80)} does not fit ${op.entity}.${field}.`);
  }
  return null;
}

/**
 * Whether an account may make an operation, given what the server knows. Null when allowed; the
 * refusal (kept in the audit) otherwise.
 */
export function authorize(account: Account, op: Operation, facts: RuleFacts): Refusal | null {
  if (account.role === 'viewer') return refuse('readOnly', 'A viewer reads the register and changes nothing.');
  if (op.type === 'set') {
    const bad = checkFields(op);
    if (bad) return bad;
    return authorizeSet(account, op, facts);
  }
  const parsed = eventDataSchemas[op.event].safeParse(op.data);
  if (!parsed.success) return refuse('badData', `The ${op.event} is incomplete: ${parsed.error.issues[0]?.message ?? 'bad data'}.`);
  if (account.role === 'administrator') return refuse('controllerOnly', 'An administrator keeps accounts and organizations; instructions are the controllers’.');
  const instruction = facts.instruction;
  if (!instruction) return refuse('unknownInstruction', 'No such instruction on the server.');
  if (!executorSees(account, instruction)) return refuse('notYourInstruction', 'This instruction is neither led nor co-executed by your organization.');
  switch (op.event) {
    case 'report':
      if (account.role === 'executor' && op.data.kind === 'final') return refuse('controllerOnly', 'A final report resolves the instruction: the controller files it.');
      return null;
    case 'extensionRequest':
      return null;
    case 'extensionDecision': {
      if (account.role !== 'controller') return refuse('controllerOnly', 'Only a controller approves or refuses an extension request.');
      const request = facts.request;
      if (!request || request.instructionId !== op.instructionId) return refuse('unknownRequest', 'No such extension request for this instruction.');
      if (request.decided) return refuse('alreadyDecided', 'This extension request has been decided already.');
      return null;
    }
    case 'history':
      return null;
  }
}

function authorizeSet(account: Account, op: SetOperation, facts: RuleFacts): Refusal | null {
  const fields = Object.keys(op.fields);
  switch (op.entity) {
    case 'organization':
      return account.role === 'administrator' ? null : refuse('administratorOnly', 'Only an administrator changes the organizations.');
    case 'person':
    case 'topic':
    case 'meeting':
      return account.role === 'administrator' || account.role === 'controller' ? null : refuse('controllerOnly', 'Only a controller or an administrator changes the directory and meetings.');
    case 'coexecutor': {
      if (account.role !== 'controller') return refuse('controllerOnly', 'Only a controller assigns co-executors.');
      if (!facts.instruction) return refuse('unknownInstruction', 'No such instruction on the server.');
      if (facts.exists && 'dueDate' in op.fields) return refuse('deadlineOnlyByExtension', 'In team mode a deadline changes only through an extension request a controller approves.');
      return null;
    }
    case 'instruction': {
      if (account.role === 'administrator') return refuse('controllerOnly', 'An administrator keeps accounts and organizations; instructions are the controllers’.');
      const current = facts.instruction;
      if (account.role === 'executor') {
        if (!current) return refuse('controllerOnly', 'Only a controller creates instructions.');
        if (!executorSees(account, current)) return refuse('notYourInstruction', 'This instruction is neither led nor co-executed by your organization.');
        if (fields.includes('dueDate') || fields.includes('originalDueDate'))
          return refuse('deadlineOnlyByExtension', 'In team mode a deadline changes only through an extension request a controller approves.');
        if ('status' in op.fields && !EXECUTOR_STATUSES.includes(op.fields.status as Status))
          return refuse('controllerOnly', 'Only a controller resolves an instruction or takes it back.');
        const other = fields.find((f) => !EXECUTOR_FIELDS.includes(f));
        if (other) return refuse('executorField', `An executor moves the instruction through its work and files reports; ${other} is the controller’s.`);
        const to = op.fields.status as Status;
        if (current.status === 'resolved') return refuse('controllerOnly', 'Only a controller reopens a resolved instruction.');
        return checkMove(current.status, to, current, op.fields);
      }
      // controller
      if (!current) {
        if (typeof op.fields.title !== 'string' || op.fields.title.trim() === '') return refuse('badValue', 'A new instruction needs a title.');
        const to = (op.fields.status as Status | undefined) ?? 'assigned';
        if (to === 'resolved' && (typeof op.fields.resolution !== 'string' || op.fields.resolution === '')) return refuse('finalReportRequired', 'A final report is required to resolve an instruction.');
        return null;
      }
      if ((fields.includes('dueDate') && current.dueDate !== null && op.fields.dueDate !== current.dueDate) || (fields.includes('originalDueDate') && current.dueDate !== null))
        return refuse('deadlineOnlyByExtension', 'In team mode a deadline changes only through an extension request a controller approves.');
      if (typeof op.fields.status === 'string' && op.fields.status !== current.status) return checkMove(current.status, op.fields.status as Status, current, op.fields);
      return null;
    }
  }
}

// ---- the merge of plain fields ----

/** A field's current value and the clock of the operation that wrote it. */
export interface FieldState {
  value: Json;
  hlc: string;
  device: string;
}

export interface FieldConflict {
  field: string;
  /** The value both desks started from. */
  base: Json;
  /** The value already there (written by another desk since the common state). */
  current: Json;
  currentHlc: string;
  /** The value the operation brings. */
  incoming: Json;
  /** Which of the two stands after the merge (last writer by the clock). */
  kept: 'current' | 'incoming';
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Last writer wins per field by the hybrid clock. A field the operation changes from a base value
 * that another desk has changed since (the current value is neither the base nor the incoming one)
 * is a conflict: both changes are kept in the operations log, the later one stands, and the pair is
 * listed to a controller to choose.
 */
export function mergeSet(current: Readonly<Record<string, FieldState | undefined>>, op: Pick<SetOperation, 'fields' | 'base' | 'hlc' | 'device'>): {
  apply: Record<string, Json>;
  conflicts: FieldConflict[];
} {
  const apply: Record<string, Json> = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, incoming] of Object.entries(op.fields)) {
    const state = current[field];
    const wins = !state || compareHlc(op.hlc, state.hlc) > 0;
    if (wins) apply[field] = incoming;
    if (state && op.base && field in op.base && state.device !== op.device) {
      const base = op.base[field] as Json;
      if (!same(state.value, base) && !same(state.value, incoming)) {
        conflicts.push({ field, base, current: state.value, currentHlc: state.hlc, incoming, kept: wins ? 'incoming' : 'current' });
      }
    }
  }
  return { apply, conflicts };
}

/** The plain fields an event changes where it lands: an approved extension moves the deadline. */
export function eventEffects(op: Operation): { entity: 'instruction'; entityId: string; fields: Record<string, Json> } | null {
  if (op.type !== 'event' || op.event !== 'extensionDecision' || op.data.approved !== true) return null;
  return { entity: 'instruction', entityId: op.instructionId, fields: { dueDate: op.data.newDate as string } };
}
