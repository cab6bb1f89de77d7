// A small store for the report tests: a Russian-named meeting, Kazakh- and Kyrgyz-named
// organizations and officials (every Kazakh letter әғқңөұүһі appears), deadlines that are met,
// missed and extended, progress and final reports, and titles and texts carrying CSV/formula
// injection and HTML payloads.
import type { StoreContext } from '../../db/context';
import { createMeeting } from '../../db/meetings';
import { createOrganization } from '../../db/organizations';
import { createPerson } from '../../db/people';
import { addReport, archiveInstruction, changeDueDate, changeStatus, createInstruction, type InstructionInput } from '../../db/instructions';
import type { Instruction } from '../../db/model';

/** The clock of the report world: 10 March 2026, 09:00 UTC. */
export const REPORT_NOW = new Date('2026-03-10T09:00:00Z');
export const TODAY = '2026-03-10';

export const KAZAKH_LETTERS = 'әғқңөұүһі';
export const KZ_ORG = 'Қазақстан Республикасы Энергетика министрлігі';
export const KZ_ORG_2 = 'Шаһар құрылысы және жаңа үй-жай комитеті';
export const KG_ORG = 'Кыргыз Республикасынын Жаңы өнөр жай министрлиги';
export const KZ_PERSON = 'Әсел Нұрғалиқызы Өмірбекова';
export const LETTERS_TITLE = `Энергетика: әуежай, ғимарат, қала, жаңа, өнім, ұлттық, үкімет, шаһар, ірі`;

/** Spreadsheet formula payloads (OWASP CSV injection) used as titles. */
export const FORMULA_TITLES = ['=1+2', '@SUM(A1)', "+cmd|' /C calc'!A0", '-2+3'];
/** Payloads that only survive in texts (titles are trimmed). */
export const CONTROL_TEXTS = ['\t=cmd|tab', '\r=cr', '\n=lf', '\u0000nul'];
export const HTML_TITLE = '<img src=x onerror="document.title=1"><script>alert(1)</script> & "quotes"';

export interface ReportWorld {
  meetingId: string;
  otherMeetingId: string;
  kzOrgId: string;
  kzOrg2Id: string;
  kgOrgId: string;
  personId: string;
  /** By role: on time, overdue and extended, resolved, and so on. */
  items: Record<'lettered' | 'overdue' | 'extended' | 'resolved' | 'reported' | 'noLead' | 'archived' | 'html' | 'other', Instruction>;
  formula: Instruction[];
  control: Instruction[];
}

export function reportWorld(ctx: StoreContext): ReportWorld {
  const meeting = createMeeting(ctx, {
    title: 'Совещание глав правительств Кыргызстана и Казахстана',
    heldOn: '2026-01-20',
    protocolNumber: '7-қ',
  });
  const other = createMeeting(ctx, { title: 'Рабочая группа по пунктам пропуска', heldOn: '2026-02-02' });
  const kz = createOrganization(ctx, { name: KZ_ORG, shortName: 'ҚР ЭМ', country: 'Kazakhstan' });
  const kz2 = createOrganization(ctx, { name: KZ_ORG_2, country: 'Kazakhstan' });
  const kg = createOrganization(ctx, { name: KG_ORG, country: 'Kyrgyzstan' });
  const person = createPerson(ctx, { fullName: KZ_PERSON, position: 'вице-министр', organizationId: kz.id });
  const add = (title: string, extra: Partial<InstructionInput> = {}) =>
    createInstruction(ctx, { title, meetingId: meeting.id, leadOrgId: kz.id, allowPastDeadline: true, ...extra });

  const lettered = add(LETTERS_TITLE, {
    itemNumber: '1',
    body: 'Обеспечить поставку электроэнергии; жауапты: Әсел Нұрғалиқызы.',
    leadPersonId: person.id,
    controllerId: person.id,
    dueDate: '2026-04-15',
    coexecutors: [
      { organizationId: kg.id, dueDate: '2026-04-01' },
      { organizationId: kz2.id, personId: person.id },
    ],
  });
  const overdue = add('Проработать вопросы транзита электроэнергии', { itemNumber: '2', leadOrgId: kg.id, dueDate: '2026-03-02', priority: 'high' });
  const extended = add('Открыть автомобильные пункты пропуска', { itemNumber: '3', leadOrgId: kz2.id, dueDate: '2026-02-20' });
  changeDueDate(ctx, extended.id, '2026-03-05', 'Ожидается заключение погранслужбы', undefined, true);
  const resolved = add('Подготовить дорожную карту по торговле', { itemNumber: '4', dueDate: '2026-02-28' });
  changeStatus(ctx, resolved.id, 'in_progress');
  addReport(ctx, resolved.id, 'interim', 'Проект дорожной карты направлен сторонам.');
  changeStatus(ctx, resolved.id, 'resolved', { report: 'Дорожная карта подписана 25.02.2026.' });
  const reported = add('Представить перечень инвестиционных проектов', { itemNumber: '5', dueDate: '2026-03-20' });
  changeStatus(ctx, reported.id, 'report_submitted', { report: 'Перечень из 12 проектов представлен.' });
  const noLead = add('Согласовать график заседаний', { itemNumber: '6', leadOrgId: null, dueDate: null });
  const archived = add('Устаревшее поручение', { itemNumber: '7', dueDate: '2026-01-31' });
  archiveInstruction(ctx, archived.id, true);
  const html = add(HTML_TITLE, { itemNumber: '8', dueDate: '2026-05-01', body: '</td></tr></table><h1>injected</h1>' });
  const otherItem = createInstruction(ctx, { title: 'Пункт пропуска «Қарасу»', meetingId: other.id, leadOrgId: kg.id, itemNumber: '1', dueDate: '2026-03-09', allowPastDeadline: true });

  const formula = FORMULA_TITLES.map((title, i) => add(title, { itemNumber: `F${i + 1}`, dueDate: '2026-06-01', body: title }));
  const control = CONTROL_TEXTS.map((body, i) => add(`Управляющий символ ${i + 1}`, { itemNumber: `C${i + 1}`, dueDate: '2026-06-01', body }));

  return {
    meetingId: meeting.id,
    otherMeetingId: other.id,
    kzOrgId: kz.id,
    kzOrg2Id: kz2.id,
    kgOrgId: kg.id,
    personId: person.id,
    items: { lettered, overdue, extended, resolved, reported, noLead, archived, html, other: otherItem },
    formula,
    control,
  };
}
