// Types of the intake features (a pasted readout, imported lists, exchange files), shared by the
// services, the contract and the renderer. Pure types and constants, like model.ts.
import type { IsoDate, IsoTimestamp, Meeting } from './model';

// ---- files ----

export interface IntakeCapabilities {
  /** True inside Electron: the app opens and saves files through its own dialogs. */
  nativeDialogs: boolean;
  /** The largest file an import accepts. */
  maxFileBytes: number;
  /** The longest readout text the app reads (characters); a longer one is refused with the reason. */
  maxReadoutChars: number;
}

/** A file handed to the app for an import, kept in memory until it is imported or discarded. */
export interface StagedFileInfo {
  fileId: string;
  name: string;
  size: number;
}

// ---- a pasted meeting readout ----

/** The language a readout is written in: English, Russian, Kazakh (Cyrillic or Latin) or Kyrgyz. */
export type ReadoutLanguage = 'en' | 'ru' | 'kk' | 'ky';

/** `yearAssumed`: the text dates the meeting without a year; the year of the day it was read is assumed. */
export type ReadoutNote = 'noDate' | 'yearAssumed' | 'noCandidates' | 'noParticipants' | 'noPlace';

export type CandidateKind = 'instruction' | 'consideration' | 'task' | 'target' | 'invitation' | 'agreement';

export interface SuggestedOrganization {
  /** The organization in the store this suggestion matched, or null for a new one. */
  existingId: string | null;
  name: string;
  /** For a new organization: the country its name in the text gives (`… Республики Казахстан`), if any. */
  country?: string | null;
}

export interface ReadoutCandidate {
  /** Stable within one proposal (`c1`, `c2`, …). */
  key: string;
  kind: CandidateKind;
  title: string;
  /** The sentence (or sentences) of the readout the candidate comes from. */
  sentence: string;
  /** Topic ids of the store. */
  tagIds: string[];
  /** Suggested organizations, the suggested lead first. */
  organizations: SuggestedOrganization[];
  dueDate: IsoDate | null;
  /** From a protocol (intake.protocolRead): what the item itself says beyond the fields above. */
  protocol?: ProtocolItemDetails;
}

/** What a protocol's item gives besides a readout candidate's fields. */
export interface ProtocolItemDetails {
  /** The item's number as the protocol writes it, without the trailing dot (`2.1`, `5.2`, `II.3`). */
  itemNumber: string;
  /** The executors after the lead (the lead is `organizations[0]`), in the protocol's order. */
  coexecutors: SuggestedOrganization[];
  /** The official named beside the lead, as written (`Иванову И.И.` → `Иванов И.И.`). */
  leadPerson: string | null;
  /** The words the deadline was read from (`в месячный срок`, `1 наурызға дейін`), or null. */
  deadlineText: string | null;
  /** The deadline repeats: the first due date is `dueDate`, the phrase stays in the text. */
  recurrence: 'quarterly' | 'monthly' | null;
  /** The body the executors report to (`Аппарат Кабинета Министров`), as written. */
  reportTo: string | null;
  /** The date the protocol gives when it is a day off: the deadline is the working day before. */
  movedFrom: IsoDate | null;
}

export type ProtocolLanguage = 'ru' | 'kk' | 'ky';

export type ProtocolFormat = 'docx' | 'pdf';

/** A protocol file read: the proposal, or a scan (a PDF without a text layer) to keep as a file. */
export type ProtocolReadResult =
  | { kind: 'protocol'; proposal: ProtocolProposal }
  | { kind: 'scan'; fileId: string; fileName: string; pages: number };

export interface ProtocolProposal extends Omit<ReadoutProposal, 'language'> {
  language: ProtocolLanguage;
  fileName: string;
  format: ProtocolFormat;
  /** The protocol's number from its header (`12`, `31`), or null. */
  protocolNumber: string | null;
  /** The protocol's text as read from the file: the meeting's source text. */
  text: string;
}

export interface ReadoutParticipant {
  name: string;
  position: string | null;
}

export interface ReadoutProposal {
  language: ReadoutLanguage;
  meeting: {
    title: string;
    heldOn: IsoDate | null;
    place: string | null;
    participants: string | null;
  };
  participants: ReadoutParticipant[];
  candidates: ReadoutCandidate[];
  /** What the text did not give (the proposal leaves it empty instead of inventing it). */
  notes: ReadoutNote[];
}

export interface ReadoutCommitResult {
  meeting: Meeting;
  /** The meeting's own board, where the accepted instructions are. */
  boardId: string;
  instructions: number;
  organizations: number;
}

// ---- CSV and XLSX lists ----

export const LIST_FIELDS = ['itemNumber', 'title', 'body', 'leadOrg', 'coexecutors', 'dueDate', 'priority', 'topics'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export type ListIssueCode =
  | 'titleMissing'
  | 'tooLong'
  | 'badDate'
  | 'badPriority'
  | 'unknownTopic'
  | 'duplicateInFile'
  | 'alreadyImported';

export interface ListIssue {
  /** Errors skip the row; warnings import it with the value left out. */
  severity: 'error' | 'warning';
  code: ListIssueCode;
  field?: ListField;
  value?: string;
  /** For duplicates: the row the first copy is on. */
  row?: number;
}

export interface ListRowReport {
  /** The row number in the file (as a spreadsheet numbers it; the header row included). */
  row: number;
  cells: string[];
  issues: ListIssue[];
  skipped: boolean;
}

export interface ListColumn {
  index: number;
  header: string;
  field: ListField | null;
  samples: string[];
}

export interface ListSampleRow {
  row: number;
  itemNumber: string | null;
  title: string;
  leadOrg: string | null;
  dueDate: IsoDate | null;
  priority: string;
  topics: string[];
}

export type ListFileProblem = 'noTitleColumn' | 'noRows';

export interface ListPreview {
  fileId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** How a CSV file was read: `utf-8`, `utf-8-bom`, `utf-16le`, `windows-1251`; null for XLSX. */
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  /** The row holding the column headers (1-based). */
  headerRow: number;
  columns: ListColumn[];
  problems: ListFileProblem[];
  totalRows: number;
  validRows: number;
  skippedRows: number;
  warningRows: number;
  sample: ListSampleRow[];
  /** Every row with a problem, in file order. */
  rows: ListRowReport[];
  /** Organizations named in the file that the store does not have: created on import. */
  newOrganizations: string[];
}

export interface ListCommitResult {
  imported: number;
  newOrganizations: number;
  meetingId: string | null;
  /** The header cells and every skipped row, for the report the official may save. */
  header: string[];
  skipped: ListRowReport[];
}

// ---- JSON exchange files ----

export const EXCHANGE_ENTITIES = [
  'organization',
  'person',
  'meeting',
  'tag',
  'instruction',
  'coexecutor',
  'report',
  'extension',
  'board',
] as const;
export type ExchangeEntity = (typeof EXCHANGE_ENTITIES)[number];

export type ExchangeCounts = Record<ExchangeEntity, number>;

export interface ExchangeFieldSide {
  value: string | null;
  /** The latest change of the field on this side since the common state. */
  by: string | null;
  at: IsoTimestamp | null;
}

export interface ExchangeConflict {
  /** `entity:id:field`; the commit names its choice by this key. */
  key: string;
  entity: ExchangeEntity;
  id: string;
  field: string;
  /** What the record is called (an instruction's title, an organization's name). */
  label: string;
  local: ExchangeFieldSide;
  incoming: ExchangeFieldSide;
}

export interface ExchangeUpdate {
  entity: ExchangeEntity;
  id: string;
  label: string;
  fields: string[];
}

export interface ExchangePreview {
  fileId: string;
  fileName: string;
  exportedAt: IsoTimestamp;
  exportedBy: string;
  appVersion: string;
  added: ExchangeCounts;
  updated: ExchangeCounts;
  removed: ExchangeCounts;
  unchanged: ExchangeCounts;
  /** History rows of the other side this store does not have yet. */
  historyAdded: number;
  updates: ExchangeUpdate[];
  conflicts: ExchangeConflict[];
  /**
   * Organizations new to this store with the same name (and country) as one it has, and people
   * with the same name in the same organization: the two copies of the app created them each on
   * its own. Each pair is joined into one.
   */
  joined: { entity: 'organization' | 'person'; incoming: string; local: string }[];
  /** False when importing the file would change nothing. */
  changes: boolean;
  /**
   * Attachments: a package (ZIP) carries them with their files (`count` of them, every file checked
   * against its hash); a plain JSON exchange file carries none, and the preview says so.
   */
  attachments: { inPackage: boolean; count: number };
}

export type ConflictChoice = 'local' | 'incoming';

export interface ExchangeCommitResult {
  added: number;
  updated: number;
  removed: number;
  historyAdded: number;
  conflictsResolved: number;
  /** Organizations and people joined with the same one created here. */
  joined: number;
  changed: boolean;
  /** Attachments added from a package (0 for a plain JSON file). */
  attachmentsAdded?: number;
}
