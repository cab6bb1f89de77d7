// The demo: the 2021-11-05 meeting of the heads of government of Kyrgyzstan and Kazakhstan with
// the instructions its readout gives and the ministries it implies. Deadlines are illustrative,
// set relative to the day the demo is loaded so that some are overdue and some due soon; the
// meeting and every instruction carry the demo mark.
import type { StoreContext } from '../../../db/context';
import { addDays } from '../../../db/dates';
import { createMeeting } from '../../../db/meetings';
import { createOrganization } from '../../../db/organizations';
import { createPerson } from '../../../db/people';
import { addReport, changeDueDate, changeStatus, createInstruction } from '../../../db/instructions';
import { ensureBuiltinBoards } from '../../../db/boards';
import { tagIdsByCode } from '../../../db/topics';
import { LANGUAGES, type Language, type Priority, type Status } from '../../../db/model';
import { DEMO_READOUT } from './readout';
import { DEMO_ORGANIZATION_NAMES, demoTexts, type DemoInstructionText } from './texts';
import { NAME_FIELDS } from '../../../db/organization-names';

const KG = 'Kyrgyzstan';
const KZ = 'Kazakhstan';

/** Which country each demo organization belongs to; names are in texts.ts, per language. */
const ORGANIZATIONS = {
  cabinetKg: KG,
  governmentKz: KZ,
  economyKg: KG,
  energyKg: KG,
  agricultureKg: KG,
  cultureKg: KG,
  healthKg: KG,
  borderKg: KG,
  foreignKg: KG,
  issykKul: KG,
  tradeKz: KZ,
  energyKz: KZ,
  industryKz: KZ,
  healthKz: KZ,
  borderKz: KZ,
} as const;

export type OrgKey = keyof typeof ORGANIZATIONS;

/** An instruction's facts; its words (title, text, reports, extension reason) are in texts.ts. */
interface DemoInstruction {
  lead: OrgKey;
  coexecutors: { org: OrgKey; dueIn: number }[];
  /** Days from the day the demo is loaded. */
  dueIn: number;
  /** An earlier deadline that was extended to `dueIn` (the reason is in the texts). */
  extendedFrom?: { dueIn: number };
  priority: Priority;
  topics: string[];
  status: Status;
}

const INSTRUCTIONS: DemoInstruction[] = [
  {
    lead: 'economyKg',
    coexecutors: [{ org: 'tradeKz', dueIn: 20 }],
    dueIn: 25,
    priority: 'high',
    topics: ['trade'],
    status: 'in_progress',
  },
  {
    lead: 'energyKg',
    coexecutors: [{ org: 'energyKz', dueIn: -8 }],
    dueIn: -6,
    extendedFrom: { dueIn: -20 },
    priority: 'critical',
    topics: ['energy'],
    status: 'in_progress',
  },
  {
    lead: 'energyKg',
    coexecutors: [{ org: 'energyKz', dueIn: 0 }],
    dueIn: 2,
    priority: 'high',
    topics: ['energy', 'logistics'],
    status: 'assigned',
  },
  {
    lead: 'economyKg',
    coexecutors: [],
    dueIn: 10,
    priority: 'normal',
    topics: ['investment'],
    status: 'report_submitted',
  },
  {
    lead: 'agricultureKg',
    coexecutors: [{ org: 'tradeKz', dueIn: 30 }],
    dueIn: 40,
    priority: 'normal',
    topics: ['trade', 'logistics', 'agriculture'],
    status: 'in_progress',
  },
  {
    lead: 'economyKg',
    coexecutors: [{ org: 'industryKz', dueIn: 50 }],
    dueIn: 60,
    priority: 'normal',
    topics: ['logistics', 'investment', 'trade'],
    status: 'assigned',
  },
  {
    lead: 'cultureKg',
    coexecutors: [{ org: 'issykKul', dueIn: -5 }],
    dueIn: -3,
    priority: 'normal',
    topics: ['tourism'],
    status: 'assigned',
  },
  {
    lead: 'borderKz',
    coexecutors: [
      { org: 'healthKz', dueIn: -15 },
      { org: 'healthKg', dueIn: -15 },
      { org: 'borderKg', dueIn: -15 },
    ],
    dueIn: -10,
    priority: 'high',
    topics: ['checkpoints', 'health'],
    status: 'resolved',
  },
  {
    lead: 'foreignKg',
    coexecutors: [],
    dueIn: 12,
    priority: 'normal',
    topics: ['international'],
    status: 'assigned',
  },
];

export interface DemoSummary {
  meetingId: string;
  instructions: number;
  organizations: number;
}

/** Loads the demo in one transaction, in the words of the interface language (see texts.ts). */
export function loadDemo(ctx: StoreContext, language: Language = 'en'): DemoSummary {
  const texts = demoTexts(language);
  return ctx.transaction(() => {
    const today = ctx.today();
    const orgIds = {} as Record<OrgKey, string>;
    for (const [key, country] of Object.entries(ORGANIZATIONS) as [OrgKey, string][]) {
      // Created under the interface language's name, with its names in all four languages.
      const names = Object.fromEntries(
        LANGUAGES.flatMap((lang) => [
          [NAME_FIELDS[lang].name, DEMO_ORGANIZATION_NAMES[lang][key].name],
          [NAME_FIELDS[lang].shortName, DEMO_ORGANIZATION_NAMES[lang][key].shortName],
        ]),
      );
      orgIds[key] = createOrganization(ctx, { ...texts.organizations[key], country, ...names }).id;
    }
    const chairman = createPerson(ctx, { ...texts.chairman, organizationId: orgIds.cabinetKg });
    createPerson(ctx, { ...texts.primeMinister, organizationId: orgIds.governmentKz });

    const meeting = createMeeting(ctx, {
      ...texts.meeting,
      heldOn: '2021-11-05',
      sourceText: DEMO_READOUT,
      isDemo: true,
    });

    const tagIds = tagIdsByCode(ctx);
    INSTRUCTIONS.forEach((demo, index) => {
      const words = texts.instructions[index] as DemoInstructionText;
      const firstDue = addDays(today, demo.extendedFrom?.dueIn ?? demo.dueIn);
      const instruction = createInstruction(ctx, {
        meetingId: meeting.id,
        itemNumber: String(index + 1),
        title: words.title,
        body: words.body,
        leadOrgId: orgIds[demo.lead],
        controllerId: chairman.id,
        dueDate: firstDue,
        allowPastDeadline: true,
        priority: demo.priority,
        tagIds: demo.topics.map((code) => tagIds.get(code) as string),
        coexecutors: demo.coexecutors.map((co) => ({ organizationId: orgIds[co.org], dueDate: addDays(today, co.dueIn) })),
        isDemo: true,
      });
      if (demo.extendedFrom) changeDueDate(ctx, instruction.id, addDays(today, demo.dueIn), words.extensionReason ?? '', undefined, true);
      const path: Status[] = ['assigned', 'in_progress', 'report_submitted', 'resolved'];
      for (const report of words.reports ?? []) addReport(ctx, instruction.id, 'interim', report);
      for (const status of path.slice(1, path.indexOf(demo.status) + 1)) {
        changeStatus(ctx, instruction.id, status, { report: status === 'resolved' ? (words.finalReport ?? null) : null });
      }
    });
    ensureBuiltinBoards(ctx);
    return { meetingId: meeting.id, instructions: INSTRUCTIONS.length, organizations: Object.keys(ORGANIZATIONS).length };
  });
}
