// The demo: the 2021-11-05 meeting of the heads of government of Kyrgyzstan and Kazakhstan with
// the instructions its readout gives and the ministries it implies. Deadlines are illustrative,
// set relative to the day the demo is loaded so that some are overdue and some due soon; the
// meeting and every instruction carry the demo mark.
import type { StoreContext } from '../../../db/context';
import { addDays } from '../../../db/dates';
import { createMeeting, createOrganization, createPerson } from '../../../db/catalog';
import { addReport, changeDueDate, changeStatus, createInstruction } from '../../../db/instructions';
import { ensureBuiltinBoards } from '../../../db/boards';
import type { Priority, Status } from '../../../db/model';
import { DEMO_READOUT } from './readout';

const KG = 'Kyrgyzstan';
const KZ = 'Kazakhstan';

const ORGANIZATIONS = {
  cabinetKg: { name: 'Cabinet of Ministers of the Kyrgyz Republic', shortName: 'Cabinet of Ministers (KG)', country: KG },
  governmentKz: { name: 'Government of the Republic of Kazakhstan', shortName: 'Government (KZ)', country: KZ },
  economyKg: { name: 'Ministry of Economy and Commerce of the Kyrgyz Republic', shortName: 'Ministry of Economy and Commerce (KG)', country: KG },
  energyKg: { name: 'Ministry of Energy of the Kyrgyz Republic', shortName: 'Ministry of Energy (KG)', country: KG },
  agricultureKg: { name: 'Ministry of Agriculture of the Kyrgyz Republic', shortName: 'Ministry of Agriculture (KG)', country: KG },
  cultureKg: {
    name: 'Ministry of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic (Department of Tourism)',
    shortName: 'Department of Tourism (KG)',
    country: KG,
  },
  healthKg: { name: 'Ministry of Health of the Kyrgyz Republic', shortName: 'Ministry of Health (KG)', country: KG },
  borderKg: { name: 'Border Service of the State Committee for National Security of the Kyrgyz Republic', shortName: 'Border Service (KG)', country: KG },
  foreignKg: { name: 'Ministry of Foreign Affairs of the Kyrgyz Republic', shortName: 'Ministry of Foreign Affairs (KG)', country: KG },
  issykKul: { name: 'Issyk-Kul Regional Administration', shortName: 'Issyk-Kul Region (KG)', country: KG },
  tradeKz: { name: 'Ministry of Trade and Integration of the Republic of Kazakhstan', shortName: 'Ministry of Trade and Integration (KZ)', country: KZ },
  energyKz: { name: 'Ministry of Energy of the Republic of Kazakhstan', shortName: 'Ministry of Energy (KZ)', country: KZ },
  industryKz: {
    name: 'Ministry of Industry and Infrastructure Development of the Republic of Kazakhstan',
    shortName: 'Ministry of Industry and Infrastructure (KZ)',
    country: KZ,
  },
  healthKz: { name: 'Ministry of Health of the Republic of Kazakhstan', shortName: 'Ministry of Health (KZ)', country: KZ },
  borderKz: { name: 'Border Service of the National Security Committee of the Republic of Kazakhstan', shortName: 'Border Service (KZ)', country: KZ },
} as const;

type OrgKey = keyof typeof ORGANIZATIONS;

interface DemoInstruction {
  title: string;
  body: string;
  lead: OrgKey;
  coexecutors: { org: OrgKey; dueIn: number }[];
  /** Days from the day the demo is loaded. */
  dueIn: number;
  /** An earlier deadline that was extended to `dueIn`, with the reason. */
  extendedFrom?: { dueIn: number; reason: string };
  priority: Priority;
  topics: string[];
  status: Status;
  reports?: string[];
  finalReport?: string;
}

const INSTRUCTIONS: DemoInstruction[] = [
  {
    title: 'Bring mutual trade between Kyrgyzstan and Kazakhstan to USD 1 billion',
    body:
      'The presidents of the two countries set the task of bringing the level of trade between the republics to $1 billion. ' +
      'Prepare a joint plan of measures to fulfil the existing potential in mutual trade.',
    lead: 'economyKg',
    coexecutors: [{ org: 'tradeKz', dueIn: 20 }],
    dueIn: 25,
    priority: 'high',
    topics: ['trade'],
    status: 'in_progress',
    reports: ['A draft plan of measures was sent to the Kazakh side for approval.'],
  },
  {
    title: 'Work out the supply of electricity from Kazakhstan',
    body:
      'The parties discussed the issue of electricity supply from Kazakhstan. Instructions were given to the heads of relevant ministries to work out these issues.',
    lead: 'energyKg',
    coexecutors: [{ org: 'energyKz', dueIn: -8 }],
    dueIn: -6,
    extendedFrom: { dueIn: -20, reason: 'Awaiting the Kazakh side’s balance of electricity for the autumn–winter period.' },
    priority: 'critical',
    topics: ['energy'],
    status: 'in_progress',
    reports: ['Draft supply volumes for the autumn–winter period were agreed at expert level.'],
  },
  {
    title: 'Work out the transit of electricity through the territory of Kazakhstan',
    body:
      'The parties discussed electricity transit through the territory of Kazakhstan. Instructions were given to the heads of relevant ministries to work out these issues.',
    lead: 'energyKg',
    coexecutors: [{ org: 'energyKz', dueIn: 0 }],
    dueIn: 2,
    priority: 'high',
    topics: ['energy', 'logistics'],
    status: 'assigned',
  },
  {
    title: 'Attract investment from Kazakhstan into the economy of Kyrgyzstan',
    body: 'Kyrgyzstan is interested in attracting investments from Kazakhstan. Prepare a list of projects to offer Kazakh investors.',
    lead: 'economyKg',
    coexecutors: [],
    dueIn: 10,
    priority: 'normal',
    topics: ['investment'],
    status: 'report_submitted',
    reports: ['A list of 12 investment projects was presented to the Kazakh side.'],
  },
  {
    title: 'Joint projects to build wholesale distribution centres',
    body:
      'Within the framework of the meeting, issues of cooperation in joint projects for the construction of wholesale distribution centers were discussed.',
    lead: 'agricultureKg',
    coexecutors: [{ org: 'tradeKz', dueIn: 30 }],
    dueIn: 40,
    priority: 'normal',
    topics: ['trade', 'logistics', 'agriculture'],
    status: 'in_progress',
  },
  {
    title: 'Create an industrial trade and logistics complex with Kazakh investment',
    body: 'Creation of an industrial trade and logistics complex with attraction of Kazakh investments was discussed.',
    lead: 'economyKg',
    coexecutors: [{ org: 'industryKz', dueIn: 50 }],
    dueIn: 60,
    priority: 'normal',
    topics: ['logistics', 'investment', 'trade'],
    status: 'assigned',
  },
  {
    title: 'Functioning of Kazakhstani resorts in the Issyk-Kul region',
    body: 'The functioning of Kazakhstani resorts in Issyk-Kul region was discussed. The relevant ministries of the two republics will consider these issues.',
    lead: 'cultureKg',
    coexecutors: [{ org: 'issykKul', dueIn: -5 }],
    dueIn: -3,
    priority: 'normal',
    topics: ['tourism'],
    status: 'assigned',
  },
  {
    title: 'Open land checkpoints in Kazakhstan for citizens of Kyrgyzstan vaccinated against coronavirus',
    body:
      'The parties touched upon the issues of opening land checkpoints in Kazakhstan for citizens of Kyrgyzstan who received a vaccine against coronavirus infection. ' +
      'The relevant ministries of the two republics will consider these issues.',
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
    reports: ['Sanitary requirements for crossing the land border were agreed by both ministries of health.'],
    finalReport: 'Land checkpoints were opened for citizens of Kyrgyzstan holding a vaccination certificate.',
  },
  {
    title: 'Take part in the meeting of the SCO Council of Heads of Government in Astana',
    body:
      'The Prime Minister of Kazakhstan invited Akylbek Japarov to the next meeting of the Council of Heads of Government of the Shanghai Cooperation Organization member states, which will be held in November in Astana.',
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

/** Loads the demo in one transaction. */
export function loadDemo(ctx: StoreContext): DemoSummary {
  return ctx.transaction(() => {
    const today = ctx.today();
    const orgIds = {} as Record<OrgKey, string>;
    for (const [key, org] of Object.entries(ORGANIZATIONS) as [OrgKey, (typeof ORGANIZATIONS)[OrgKey]][]) {
      orgIds[key] = createOrganization(ctx, org).id;
    }
    const japarov = createPerson(ctx, {
      fullName: 'Akylbek Japarov',
      position: 'Chairman of the Cabinet of Ministers of the Kyrgyz Republic',
      organizationId: orgIds.cabinetKg,
    });
    createPerson(ctx, { fullName: 'Askar Mamin', position: 'Prime Minister of the Republic of Kazakhstan', organizationId: orgIds.governmentKz });

    const meeting = createMeeting(ctx, {
      title: 'Meeting of the heads of government of Kyrgyzstan and Kazakhstan (demo)',
      heldOn: '2021-11-05',
      place: 'On the sidelines of the first economic forum European Union — Central Asia',
      participants: 'Akylbek Japarov, Chairman of the Cabinet of Ministers of Kyrgyzstan; Askar Mamin, Prime Minister of Kazakhstan',
      protocolNumber: 'DEMO-2021-11-05',
      sourceText: DEMO_READOUT,
      isDemo: true,
    });

    const tagIds = new Map((ctx.stmt('SELECT code, id FROM tags').all() as { code: string; id: string }[]).map((t) => [t.code, t.id]));
    INSTRUCTIONS.forEach((demo, index) => {
      const firstDue = addDays(today, demo.extendedFrom?.dueIn ?? demo.dueIn);
      const instruction = createInstruction(ctx, {
        meetingId: meeting.id,
        itemNumber: String(index + 1),
        title: demo.title,
        body: demo.body,
        leadOrgId: orgIds[demo.lead],
        controllerId: japarov.id,
        dueDate: firstDue,
        priority: demo.priority,
        tagIds: demo.topics.map((code) => tagIds.get(code) as string),
        coexecutors: demo.coexecutors.map((co) => ({ organizationId: orgIds[co.org], dueDate: addDays(today, co.dueIn) })),
        isDemo: true,
      });
      if (demo.extendedFrom) changeDueDate(ctx, instruction.id, addDays(today, demo.dueIn), demo.extendedFrom.reason);
      const path: Status[] = ['assigned', 'in_progress', 'report_submitted', 'resolved'];
      for (const report of demo.reports ?? []) addReport(ctx, instruction.id, 'interim', report);
      for (const status of path.slice(1, path.indexOf(demo.status) + 1)) {
        changeStatus(ctx, instruction.id, status, { report: status === 'resolved' ? demo.finalReport ?? null : null });
      }
    });
    ensureBuiltinBoards(ctx);
    return { meetingId: meeting.id, instructions: INSTRUCTIONS.length, organizations: Object.keys(ORGANIZATIONS).length };
  });
}
