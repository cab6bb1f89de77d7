// The instruction's card (карточка поручения) as a print document: its number, source meeting and
// protocol, text, lead executor and co-executors, deadlines with the history of their changes,
// reports, a summary of its history and the signature block. The same stylesheet, fonts, running
// header and page numbers as the reports; Chromium's print engine turns it into the PDF.
import type { Coexecutor, Extension, HistoryEntry, Instruction, Language, Meeting, Organization, Person, Report } from '../../../db/model';
import type { ReportSignature } from '../../../db/profiles';
import { escapeHtml, pageMarginCss, signaturesHtml } from './html';
import type { ReportDocument, SignatureLine } from './model';
import { fill, formatDate, formatDateTime, reportStrings } from './strings';
import { REPORT_CSS, REPORT_STYLE_HASH, styleHash } from './style';

export interface CardData {
  instruction: Instruction;
  meeting: Meeting | null;
  lead: Organization | null;
  leadPerson: Person | null;
  controller: Person | null;
  coexecutors: (Coexecutor & { organization: string; person: string })[];
  extensions: Extension[];
  reports: Report[];
  history: HistoryEntry[];
  today: string;
  takenAt: string;
  actor: string;
  signature?: ReportSignature;
}

/**
 * The number the card is known by: the store-wide control number (the item number of the
 * meeting's protocol for an instruction that has none).
 */
export function cardNumber(instruction: Instruction): string {
  return instruction.controlNumber ?? instruction.itemNumber ?? '';
}

const CARD = {
  en: {
    title: 'Instruction card',
    number: 'No.',
    meeting: 'Source meeting',
    protocol: 'Protocol',
    instruction: 'Instruction',
    text: 'Text',
    lead: 'Lead executor',
    coexecutors: 'Co-executors',
    controller: 'Controller',
    status: 'Status',
    due: 'Deadline',
    original: 'Original deadline',
    extensions: 'Deadline changes',
    reports: 'Reports',
    history: 'History',
    historySummary: '{count} changes recorded, from {first} to {last}.',
    latest: 'Latest changes',
    none: '—',
    protocolNumber: 'No. {number}',
  },
  ru: {
    title: 'Карточка поручения',
    number: '№',
    meeting: 'Совещание',
    protocol: 'Протокол',
    instruction: 'Поручение',
    text: 'Текст',
    lead: 'Головной исполнитель',
    coexecutors: 'Соисполнители',
    controller: 'Контроль',
    status: 'Состояние',
    due: 'Срок',
    original: 'Первоначальный срок',
    extensions: 'Изменения срока',
    reports: 'Отчёты',
    history: 'История',
    historySummary: 'Записано изменений: {count}, с {first} по {last}.',
    latest: 'Последние изменения',
    none: '—',
    protocolNumber: '№ {number}',
  },
  kk: {
    title: 'Тапсырма карточкасы',
    number: '№',
    meeting: 'Кеңес',
    protocol: 'Хаттама',
    instruction: 'Тапсырма',
    text: 'Мәтіні',
    lead: 'Бас орындаушы',
    coexecutors: 'Қосалқы орындаушылар',
    controller: 'Бақылаушы',
    status: 'Мәртебесі',
    due: 'Мерзімі',
    original: 'Бастапқы мерзімі',
    extensions: 'Мерзімнің өзгерістері',
    reports: 'Есептер',
    history: 'Тарихы',
    historySummary: 'Жазылған өзгерістер: {count}, {first} бастап {last} дейін.',
    latest: 'Соңғы өзгерістер',
    none: '—',
    protocolNumber: '№ {number}',
  },
  ky: {
    title: 'Тапшырманын карточкасы',
    number: '№',
    meeting: 'Жыйналыш',
    protocol: 'Протокол',
    instruction: 'Тапшырма',
    text: 'Тексти',
    lead: 'Башкы аткаруучу',
    coexecutors: 'Тең аткаруучулар',
    controller: 'Көзөмөлдөөчү',
    status: 'Абалы',
    due: 'Мөөнөтү',
    original: 'Баштапкы мөөнөт',
    extensions: 'Мөөнөттүн өзгөрүүлөрү',
    reports: 'Отчёттор',
    history: 'Тарыхы',
    historySummary: 'Жазылган өзгөртүүлөр: {count}, {first} баштап {last} чейин.',
    latest: 'Акыркы өзгөртүүлөр',
    none: '—',
    protocolNumber: '№ {number}',
  },
} satisfies Record<Language, Record<string, string>>;

export function cardTitle(language: Language): string {
  return CARD[language].title;
}

const LATEST = 10;

/** A history row in the card's words: the field's name and, where short, its new value. */
function historyLine(h: HistoryEntry, s: ReturnType<typeof reportStrings>, language: Language): string {
  const col = s.columns;
  const value = h.newValue;
  switch (h.field) {
    case 'status':
      return `${col.status}: ${value && value in s.status ? s.status[value as keyof typeof s.status] : (value ?? '')}`;
    case 'priority':
      return `${col.priority}: ${value && value in s.priority ? s.priority[value as keyof typeof s.priority] : (value ?? '')}`;
    case 'dueDate':
      return `${col.due}: ${value ? formatDate(value, language) : '—'}`;
    case 'report.interim':
    case 'report.final':
      return `${s.reportKinds[h.field === 'report.final' ? 'final' : 'interim']}${shownValue(value)}`;
    case 'resolvedAt':
      return `${col.resolvedAt}: ${value ? formatDateTime(value, language) : '—'}`;
    case 'resolution':
      return `${col.resolution}${shownValue(value)}`;
    case 'coexecutor':
      return col.coexecutors;
    case 'topic':
      return `${col.topics}${shownValue(value)}`;
    case 'title':
    case 'created':
      return `${col.title}${shownValue(value)}`;
    case 'body':
      return col.text;
    case 'onControl':
      return value === 'true' ? s.notes.onControl : s.notes.offControl;
    case 'archived':
      return `${col.archived}: ${value === 'true' ? s.yes : s.no}`;
    default:
      return `${h.field}${shownValue(value)}`;
  }
}

/** A changed value as the summary shows it: short text as it is; records (JSON) and long texts are left to the app's history. */
function shownValue(value: string | null): string {
  if (value === null || value === '' || /^[[{]/.test(value)) return '';
  return `: ${value.length > 80 ? `${value.slice(0, 80)}…` : value}`;
}

/** The card's print document. `pageMargins` adds the running header, the official and page numbers (the PDF and the shell's print). */
export function renderCardHtml(data: CardData, language: Language, options: { pageMargins?: boolean } = {}): string {
  const c = CARD[language];
  const s = reportStrings(language);
  const i = data.instruction;
  const date = (iso: string | null) => (iso ? formatDate(iso, language) : c.none);
  const number = cardNumber(i);
  const title = number ? `${c.title} ${c.number} ${number}` : c.title;
  const asOfText = fill(s.asOf, { date: formatDate(data.today, language) });

  const signature = data.signature;
  const preparedBy = signature?.preparedName || data.actor;
  const signatures: SignatureLine[] = [];
  if (signature && (signature.approvedName || signature.approvedPosition)) signatures.push({ label: s.signature.approved, position: signature.approvedPosition, name: signature.approvedName, phone: '' });
  if (signature && (signature.preparedName || signature.preparedPosition)) {
    signatures.push({ label: s.signature.prepared, position: signature.preparedPosition, name: signature.preparedName, phone: signature.preparedPhone ? fill(s.signature.phone, { phone: signature.preparedPhone }) : '' });
  }
  const footerName = [preparedBy, signature?.preparedPhone ? fill(s.signature.phone, { phone: signature.preparedPhone }) : ''].filter(Boolean).join(', ');
  // What the running header, footer and signature block need of a report document.
  const doc = { title, asOfText, footerText: preparedBy ? fill(s.signature.footer, { name: footerName }) : '', labels: { pageOf: s.pageOf, previewLimited: '' }, signatures } as unknown as ReportDocument;

  const rows: [string, string][] = [];
  const text = (value: string) => `<div>${escapeHtml(value)}</div>`;
  const list = (items: string[]) => (items.length === 0 ? escapeHtml(c.none) : items.map(text).join(''));
  if (number) rows.push([c.number, escapeHtml(number)]);
  if (data.meeting) {
    rows.push([c.meeting, escapeHtml(data.meeting.heldOn ? fill(s.meetingLine, { title: data.meeting.title, date: date(data.meeting.heldOn) }) : data.meeting.title)]);
    rows.push([c.protocol, escapeHtml(data.meeting.protocolNumber ? fill(c.protocolNumber, { number: data.meeting.protocolNumber }) : c.none)]);
  }
  rows.push([c.instruction, `<div class="s">${escapeHtml(i.title)}</div>`]);
  rows.push([c.text, i.body ? escapeHtml(i.body) : escapeHtml(c.none)]);
  rows.push([c.lead, list([data.lead?.name ?? '', data.leadPerson ? (data.leadPerson.position ? `${data.leadPerson.fullName}, ${data.leadPerson.position}` : data.leadPerson.fullName) : ''].filter(Boolean))]);
  rows.push([
    c.coexecutors,
    list(data.coexecutors.map((x) => {
      const name = [x.organization, x.person].filter(Boolean).join(' — ');
      return x.dueDate ? fill(s.notes.coexecutorDue, { name, date: date(x.dueDate) }) : name;
    })),
  ]);
  if (data.controller) rows.push([c.controller, escapeHtml(data.controller.fullName)]);
  rows.push([c.status, escapeHtml(`${s.status[i.status]} · ${s.priority[i.priority]} · ${i.onControl ? s.notes.onControl : s.notes.offControl}`)]);
  rows.push([c.due, escapeHtml(date(i.dueDate))]);
  if (i.originalDueDate && i.originalDueDate !== i.dueDate) rows.push([c.original, escapeHtml(date(i.originalDueDate))]);
  rows.push([
    c.extensions,
    list(data.extensions.map((e) => fill(s.notes.extensionLine, { from: e.oldDate ? date(e.oldDate) : '—', to: date(e.newDate), reason: e.reason, by: e.decidedBy }))),
  ]);
  rows.push([
    c.reports,
    data.reports.length === 0
      ? escapeHtml(c.none)
      : data.reports.map((r) => `<div class="m">${escapeHtml(`${s.reportKinds[r.kind]}, ${formatDateTime(r.submittedAt, language)}, ${r.author}`)}</div>${text(r.body)}`).join(''),
  ]);
  const history = data.history;
  const first = history[0];
  const last = history[history.length - 1];
  rows.push([
    c.history,
    !first || !last
      ? escapeHtml(c.none)
      : text(fill(c.historySummary, { count: history.length, first: formatDateTime(first.at, language), last: formatDateTime(last.at, language) })) +
        `<div class="m">${escapeHtml(c.latest)}:</div>` +
        history
          .slice(-LATEST)
          .reverse()
          .map((h) => text(`${formatDateTime(h.at, language)} · ${h.actor} · ${historyLine(h, s, language)}`))
          .join(''),
  ]);

  const margins = options.pageMargins ? pageMarginCss(doc) : null;
  const styleSources = [REPORT_STYLE_HASH, ...(margins ? [styleHash(margins)] : [])].join(' ');
  const out = [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${styleSources}; img-src data:; base-uri 'none'; form-action 'none'">`,
    `<title>${escapeHtml(`${title} — ${asOfText}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    margins ? `<style>${margins}</style>` : '',
    '</head><body>',
    `<header><h1>${escapeHtml(title)}</h1><p class="as-of">${escapeHtml(asOfText)}</p></header>`,
    '<table class="card"><colgroup><col width="22%"><col width="78%"></colgroup><tbody>',
    ...rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${value}</td></tr>`),
    '</tbody></table>',
  ];
  signaturesHtml(doc, out);
  out.push('</body></html>');
  return out.join('');
}
