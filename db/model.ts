// Domain types of the store. Pure types and constants with no runtime dependencies, so that the
// contract and the renderer may `import type` them without pulling node code along.
import type { ProfileRecord } from './schema/profiles';

/** An official who works at this desk; every change is signed with the profile in use. */
export type Profile = ProfileRecord;

export const LANGUAGES = ['en', 'ru', 'kk', 'ky'] as const;
export type Language = (typeof LANGUAGES)[number];

export const STATUSES = ['assigned', 'in_progress', 'report_submitted', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REPORT_KINDS = ['interim', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const BOARD_FIELDS = ['status', 'organization', 'topic', 'meeting', 'priority'] as const;
export type BoardField = (typeof BOARD_FIELDS)[number];

export const SWIMLANE_FIELDS = ['organization', 'topic', 'meeting'] as const;
export type SwimlaneField = (typeof SWIMLANE_FIELDS)[number];

/**
 * How a board orders the cards within a column: by hand (drag), by deadline, by control number,
 * by days overdue (most first) or by last change (newest first).
 */
export const BOARD_SORTS = ['manual', 'deadline', 'number', 'overdue', 'updated'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO timestamp in UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export type IsoTimestamp = string;

export interface Organization {
  id: string;
  /** The name the organization was created with; shown where a language has no name of its own. */
  name: string;
  shortName: string | null;
  country: string | null;
  /** The official name and short name in each language of the app, where recorded. */
  nameEn: string | null;
  nameRu: string | null;
  nameKk: string | null;
  nameKy: string | null;
  shortNameEn: string | null;
  shortNameRu: string | null;
  shortNameKk: string | null;
  shortNameKy: string | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface Person {
  id: string;
  fullName: string;
  position: string | null;
  organizationId: string | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface Meeting {
  id: string;
  title: string;
  heldOn: IsoDate | null;
  place: string | null;
  participants: string | null;
  protocolNumber: string | null;
  sourceText: string | null;
  isDemo: boolean;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface Tag {
  id: string;
  code: string;
  name: string;
}

/** Facts derived from dates and extensions; never stored. */
export interface Deadline {
  dueDate: IsoDate | null;
  originalDueDate: IsoDate | null;
  overdue: boolean;
  dueSoon: boolean;
  /** Days past the due date (positive) or until it (negative); null without a due date. */
  daysLate: number | null;
  extensions: number;
  /** Working days overdue on the lead organization's calendar, where the store counted them. */
  overdueWorkingDays?: number | null;
}

export interface Instruction {
  id: string;
  meetingId: string | null;
  itemNumber: string | null;
  /** Store-wide unique control (registration) number, e.g. `12/3`. */
  controlNumber: string | null;
  title: string;
  body: string;
  leadOrgId: string | null;
  leadPersonId: string | null;
  controllerId: string | null;
  dueDate: IsoDate | null;
  originalDueDate: IsoDate | null;
  priority: Priority;
  status: Status;
  onControl: boolean;
  rank: number;
  resolution: string | null;
  resolvedAt: IsoTimestamp | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
  archived: boolean;
  isDemo: boolean;
  version: number;
  /** How a periodic instruction recurs (db/periods.ts), null for a one-off instruction. */
  recurrence: string | null;
}

/** One card as a board shows it: the instruction plus what the card needs to display. */
export interface Card {
  id: string;
  itemNumber: string | null;
  controlNumber: string | null;
  title: string;
  status: Status;
  priority: Priority;
  meetingId: string | null;
  leadOrgId: string | null;
  leadOrgName: string | null;
  dueDate: IsoDate | null;
  overdue: boolean;
  /** How long the card is overdue in working days of its lead organization's calendar (null when not overdue); calendar days follow from dueDate. */
  overdueWorkingDays: number | null;
  /** A periodic instruction's period that is due (db/periods.ts): its number and label (`2027-Q1`). */
  period: { seq: number; label: string } | null;
  dueSoon: boolean;
  extensions: number;
  coexecutors: number;
  reports: number;
  tags: string[];
  rank: number;
  version: number;
  isDemo: boolean;
}

/** A card as the board screen receives it: the UI has organization names already, and ranks stay in the store. */
export type BoardCard = Omit<Card, 'leadOrgName' | 'rank'>;

export interface Coexecutor {
  id: string;
  instructionId: string;
  organizationId: string | null;
  personId: string | null;
  dueDate: IsoDate | null;
  createdAt: IsoTimestamp;
}

export interface Report {
  id: string;
  instructionId: string;
  kind: ReportKind;
  body: string;
  author: string;
  submittedAt: IsoTimestamp;
  /** When the instruction was reopened after this final report; null while it stands. */
  supersededAt: IsoTimestamp | null;
}

export interface Extension {
  id: string;
  instructionId: string;
  oldDate: IsoDate | null;
  newDate: IsoDate;
  reason: string;
  decidedBy: string;
  createdAt: IsoTimestamp;
  /** When the deadline change was undone (the extension no longer counts), and by whom. */
  withdrawnAt: IsoTimestamp | null;
  withdrawnBy: string | null;
}

export interface HistoryEntry {
  id: number;
  /** Stable identity across machines. */
  uid: string;
  instructionId: string | null;
  entity: string;
  entityId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  note: string | null;
  actor: string;
  at: IsoTimestamp;
  /** Shared by the rows one action wrote; null for rows written before version 2. */
  actionId: string | null;
}

export interface Board {
  id: string;
  /** Null for a built-in board that keeps its translated default name. */
  name: string | null;
  /** `control`, `by_ministry`, `by_topic`, `due_week` or `meeting`; null for boards the official made. */
  builtin: string | null;
  /** Set for a meeting's own board: only that meeting's instructions. */
  meetingId: string | null;
  columnField: BoardField;
  swimlaneField: SwimlaneField | null;
  filter: string;
  wipLimits: Record<string, number>;
  /** The order of the cards within a column; anything but `manual` and a drag within a column does not reorder. */
  sortBy: BoardSort;
  position: number;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

export interface BoardColumn {
  /** The value the column stands for (a status, an organization id, …); null for "none". */
  key: string | null;
  title: string;
  count: number;
  wipLimit: number | null;
  cards: BoardCard[];
}

export interface BoardLane {
  /** The value the lane stands for (an organization, topic or meeting id); null for "none". */
  key: string | null;
  title: string;
  /** The board's columns, holding only this lane's cards. */
  columns: BoardColumn[];
}

export interface BoardView {
  board: Board;
  columns: BoardColumn[];
  /** Set when the board has swimlanes: lanes with at least one card, in display order. */
  lanes: BoardLane[] | null;
  /** Instructions on the board (a card in two topic columns counts once). */
  total: number;
  today: IsoDate;
  /** Problems in the board's filter or the search typed over it; with any, the board is empty. */
  problems: QueryProblemInfo[];
}

export interface QueryProblemInfo {
  code: 'unknown_field' | 'bad_value' | 'bad_date' | 'empty_value' | 'unterminated_quote' | 'too_many_terms';
  at: number;
  field?: string;
  value?: string;
}

/** Everything the card dialog shows about one instruction. */
export interface InstructionDetail {
  instruction: Instruction;
  deadline: Deadline;
  coexecutors: Coexecutor[];
  reports: Report[];
  extensions: Extension[];
  tagIds: string[];
  history: HistoryEntry[];
  today: IsoDate;
}

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  dataDir: string;
  databaseFile: string;
  language: Language;
  /**
   * Whether the language was chosen in the app (and stored). Until then `language` is the system's
   * guess, and the page may start in the language its browser (the system) prefers.
   */
  languageChosen: boolean;
  /** True until the official chose the demo or an empty start, while the database is empty. */
  firstRun: boolean;
  /** The name changes are signed with: the profile in use, else (before any profile was given) the login name. */
  actor: string;
  /** The profile in use at this desk (the same in every window), or null while none was given. */
  profile: Profile | null;
  today: IsoDate;
  /** The board the official looked at last (or the control board), so it opens at once. */
  boardId: string | null;
}
