import { PRIORITIES, STATUSES } from '../model';
import { created, defineTable, identity, notCarried, stamp, type DomainOf, type ExchangeOf, type RowOf, type Simplify } from './columns';

/** Kept by triggers from other tables; application code never writes them (except a bulk insert doing the triggers' work). */
const triggerKept = (what: string) => ({
  exchange: notCarried(`derived: the triggers keep ${what} from the rows the exchange carries`),
  domain: notCarried(`derived: a board reads ${what} for its cards`),
});

export const instructionsTable = defineTable('instructions', {
  id: { sql: 'id', kind: 'text', merge: identity },
  meetingId: { sql: 'meeting_id', kind: 'text', nullable: true, merge: 'field' },
  itemNumber: { sql: 'item_number', kind: 'text', nullable: true, merge: 'field' },
  /** The store-wide unique control (registration) number, e.g. `12/3`; set on every create. */
  controlNumber: {
    sql: 'control_number',
    kind: 'text',
    nullable: true,
    merge: notCarried("each store keeps its register unique: an added instruction keeps its number unless another instruction here has it (then it gets the next free one); an existing instruction keeps this store's number"),
  },
  title: { sql: 'title', kind: 'text', merge: 'field' },
  body: { sql: 'body', kind: 'text', merge: 'field' },
  leadOrgId: { sql: 'lead_org_id', kind: 'text', nullable: true, merge: 'field' },
  leadPersonId: { sql: 'lead_person_id', kind: 'text', nullable: true, merge: 'field' },
  controllerId: { sql: 'controller_id', kind: 'text', nullable: true, merge: 'field' },
  dueDate: { sql: 'due_date', kind: 'text', nullable: true, merge: 'field' },
  originalDueDate: { sql: 'original_due_date', kind: 'text', nullable: true, merge: 'field' },
  priority: { sql: 'priority', kind: 'text', values: PRIORITIES, merge: 'field' },
  status: { sql: 'status', kind: 'text', values: STATUSES, merge: 'field' },
  onControl: { sql: 'on_control', kind: 'bool', merge: 'field' },
  rank: { sql: 'rank', kind: 'int', merge: 'field' },
  resolution: { sql: 'resolution', kind: 'text', nullable: true, merge: 'field' },
  resolvedAt: { sql: 'resolved_at', kind: 'text', nullable: true, merge: 'field' },
  createdAt: { sql: 'created_at', kind: 'text', merge: created },
  updatedAt: { sql: 'updated_at', kind: 'text', merge: stamp },
  archived: { sql: 'archived', kind: 'bool', merge: 'field' },
  isDemo: { sql: 'is_demo', kind: 'bool', merge: 'field' },
  version: { sql: 'version', kind: 'int', merge: notCarried("this store's edit counter: every merged update bumps it") },
  reportCount: { sql: 'report_count', kind: 'int', ...triggerKept('the number of reports') },
  coexecutorCount: { sql: 'coexecutor_count', kind: 'int', ...triggerKept('the number of co-executors') },
  extensionCount: { sql: 'extension_count', kind: 'int', ...triggerKept('the number of extensions') },
  tagList: { sql: 'tag_list', kind: 'text', ...triggerKept('the topic ids') },
  /** Migration 006: how a periodic instruction recurs (`monthly:5`, `quarterly:5`, `yearly:01-15`, `rrule:FREQ=…`; db/periods.ts), null for a one-off. */
  recurrence: { sql: 'recurrence', kind: 'text', nullable: true, merge: 'field' },
});

export type InstructionRow = RowOf<typeof instructionsTable>;
export type InstructionRecord = DomainOf<typeof instructionsTable>;
/** The exchange record without its topics (`tagIds`, from instruction_tags). */
export type ExchangeInstructionColumns = ExchangeOf<typeof instructionsTable>;
/** The exchange record: the carried columns and the instruction's topics (from instruction_tags). */
export type ExchangeInstruction = Simplify<ExchangeInstructionColumns & { tagIds: string[] }>;
