// Compile-time checks: the domain types of db/model.ts are exactly what the declarations derive.
import type { Coexecutor, Extension, HistoryEntry, Instruction, Meeting, Organization, Person, Report } from '../model';
import type { Same } from './columns';
import type { CoexecutorRecord } from './coexecutors';
import type { ExtensionRecord } from './extensions';
import type { HistoryRecord } from './history';
import type { InstructionRecord } from './instructions';
import type { MeetingRecord } from './meetings';
import type { OrganizationRecord } from './organizations';
import type { PersonRecord } from './people';
import type { ReportRecord } from './reports';

export const DOMAIN_TYPES_MATCH: [
  Same<Organization, OrganizationRecord>,
  Same<Person, PersonRecord>,
  Same<Meeting, MeetingRecord>,
  Same<Instruction, InstructionRecord>,
  Same<Coexecutor, CoexecutorRecord>,
  Same<Report, ReportRecord>,
  Same<Extension, ExtensionRecord>,
  Same<HistoryEntry, HistoryRecord>,
] = [true, true, true, true, true, true, true, true];
