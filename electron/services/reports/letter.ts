// The reminder letter (напоминание) to one lead organization: an official letter on A4 portrait —
// the outgoing number and date, the addressee (the organization and its head), the subject, the
// body, a table of the organization's due and overdue instructions (control number, title,
// deadline, days overdue in working and calendar days), and the signature of the official (the
// signature block kept for letters in settings, "prepared by" from the profile in use). The same
// document as HTML (the preview, and Chromium's print engine makes the PDF) and as DOCX.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, WidthType } from 'docx';
import type { Language } from '../../../db/model';
import type { ReportSignature } from '../../../db/profiles';
import { escapeHtml } from './html';
import { fill, formatDate, formatNumber, localeOf, reportStrings } from './strings';
import { LETTER_CSS, LETTER_STYLE_HASH } from './style';
import { xmlSafe } from './text';

export interface LetterRow {
  controlNumber: string | null;
  title: string;
  dueDate: string;
  overdueWorkingDays: number;
  overdueCalendarDays: number;
}

/** Everything the letter shows, read from the store in one transaction. */
export interface LetterData {
  organizationName: string;
  /** The head it is addressed to ("Министру …"), as the official typed it; may be empty. */
  addressee: string;
  outgoingNumber: string;
  letterDate: string;
  today: string;
  rows: LetterRow[];
  signature: ReportSignature;
  actor: string;
}

interface LetterStrings {
  title: string;
  fileName: string;
  outgoing: string;
  outgoingBlank: string;
  subject: string;
  body: string;
  request: string;
  empty: string;
  columns: { n: string; number: string; title: string; due: string; working: string; calendar: string };
  performer: string;
}

const LETTER: Record<Language, LetterStrings> = {
  en: {
    title: 'Reminder',
    fileName: 'Reminder',
    outgoing: 'Ref. No. {number} of {date}',
    outgoingBlank: 'Ref. No. ________ of {date}',
    subject: 'On the execution of instructions',
    body: 'We remind you that as of {date} the following instructions, with {organization} as the lead executor, are due or overdue.',
    request: 'Please ensure that they are carried out and report on the results within the deadlines set.',
    empty: 'No instructions of this organization are due or overdue.',
    columns: { n: 'No.', number: 'Control No.', title: 'Instruction', due: 'Deadline', working: 'Overdue, working days', calendar: 'Overdue, calendar days' },
    performer: 'Performed by: {name}',
  },
  ru: {
    title: 'Напоминание',
    fileName: 'Напоминание',
    outgoing: 'Исх. № {number} от {date}',
    outgoingBlank: 'Исх. № ________ от {date}',
    subject: 'Об исполнении поручений',
    body: 'Напоминаем, что по состоянию на {date} наступает или истёк срок исполнения следующих поручений, головным исполнителем которых является {organization}.',
    request: 'Просим обеспечить их исполнение и представить информацию о результатах в установленные сроки.',
    empty: 'Поручений этой организации со сроком исполнения на ближайшие дни и просроченных нет.',
    columns: { n: '№ п/п', number: 'Контрольный №', title: 'Поручение', due: 'Срок', working: 'Просрочено, рабочих дней', calendar: 'Просрочено, календарных дней' },
    performer: 'Исп.: {name}',
  },
  kk: {
    title: 'Еске салу',
    fileName: 'Еске салу',
    outgoing: 'Шығыс № {number}, {date}',
    outgoingBlank: 'Шығыс № ________, {date}',
    subject: 'Тапсырмалардың орындалуы туралы',
    body: '{date} жағдай бойынша бас орындаушысы {organization} болып табылатын келесі тапсырмалардың орындалу мерзімі жақындағанын немесе өтіп кеткенін еске саламыз.',
    request: 'Олардың орындалуын қамтамасыз етуді және нәтижелері туралы ақпаратты белгіленген мерзімде ұсынуды сұраймыз.',
    empty: 'Бұл ұйымның мерзімі жақындаған немесе өтіп кеткен тапсырмалары жоқ.',
    columns: { n: 'Р/с №', number: 'Бақылау №', title: 'Тапсырма', due: 'Мерзімі', working: 'Кешіктірілді, жұмыс күні', calendar: 'Кешіктірілді, күнтізбелік күн' },
    performer: 'Орынд.: {name}',
  },
  ky: {
    title: 'Эскертүү',
    fileName: 'Эскертүү',
    outgoing: 'Чыгуучу № {number}, {date}',
    outgoingBlank: 'Чыгуучу № ________, {date}',
    subject: 'Тапшырмалардын аткарылышы жөнүндө',
    body: '{date} карата башкы аткаруучусу {organization} болгон төмөнкү тапшырмалардын аткаруу мөөнөтү жакындаганын же өтүп кеткенин эскертебиз.',
    request: 'Алардын аткарылышын камсыз кылууну жана натыйжалары тууралуу маалыматты белгиленген мөөнөттө берүүнү суранабыз.',
    empty: 'Бул уюмдун мөөнөтү жакындаган же өтүп кеткен тапшырмалары жок.',
    columns: { n: '№', number: 'Көзөмөл №', title: 'Тапшырма', due: 'Мөөнөтү', working: 'Кечиктирилди, иш күнү', calendar: 'Кечиктирилди, календардык күн' },
    performer: 'Аткаруучу: {name}',
  },
};

export function letterTitle(language: Language): string {
  return LETTER[language].title;
}

export function letterFileBase(language: Language, organizationName: string, today: string): string {
  return `${LETTER[language].fileName} ${organizationName} ${today}`;
}

/** The letter's parts in words, shared by the HTML and the DOCX. */
function parts(data: LetterData, language: Language) {
  const l = LETTER[language];
  const s = reportStrings(language);
  const date = formatDate(data.letterDate, language);
  const sig = data.signature;
  // The letter is signed by the head ("approved by") where one is given, else by the official who prepared it.
  const signer = sig.approvedName || sig.approvedPosition ? { position: sig.approvedPosition, name: sig.approvedName } : { position: sig.preparedPosition, name: sig.preparedName || data.actor };
  const performerName = [sig.preparedName || data.actor, sig.preparedPhone ? fill(s.signature.phone, { phone: sig.preparedPhone }) : ''].filter(Boolean).join(', ');
  return {
    l,
    outgoing: data.outgoingNumber.trim() ? fill(l.outgoing, { number: data.outgoingNumber.trim(), date }) : fill(l.outgoingBlank, { date }),
    addressee: [data.organizationName, data.addressee.trim()].filter(Boolean),
    body: fill(l.body, { date: formatDate(data.today, language), organization: data.organizationName }),
    rows: data.rows.map((r, i) => [
      formatNumber(i + 1, language),
      r.controlNumber ?? '',
      r.title,
      formatDate(r.dueDate, language),
      r.overdueWorkingDays > 0 ? formatNumber(r.overdueWorkingDays, language) : '—',
      r.overdueCalendarDays > 0 ? formatNumber(r.overdueCalendarDays, language) : '—',
    ]),
    signer,
    performer: fill(l.performer, { name: performerName }),
  };
}

/** Column widths in percent. */
const WIDTHS = [6, 15, 39, 12, 14, 14];

/** The letter as one standalone, script-free HTML document (the preview, and the PDF's print document). */
export function renderLetterHtml(data: LetterData, language: Language): string {
  const p = parts(data, language);
  const out = [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${LETTER_STYLE_HASH}; img-src data:; base-uri 'none'; form-action 'none'">`,
    `<title>${escapeHtml(`${p.l.title} — ${data.organizationName}`)}</title>`,
    `<style>${LETTER_CSS}</style>`,
    '</head><body class="letter">',
    '<div class="head">',
    `<div class="outgoing">${escapeHtml(p.outgoing)}</div>`,
    `<div class="to">${p.addressee.map((line) => `<div>${escapeHtml(line)}</div>`).join('')}</div>`,
    '</div>',
    `<h1>${escapeHtml(p.l.title)}</h1>`,
    `<p class="subject">${escapeHtml(p.l.subject)}</p>`,
    `<p class="body">${escapeHtml(p.body)}</p>`,
  ];
  if (p.rows.length === 0) out.push(`<p class="empty">${escapeHtml(p.l.empty)}</p>`);
  else {
    const c = p.l.columns;
    out.push(
      '<table><colgroup>',
      ...WIDTHS.map((w) => `<col width="${w}%">`),
      '</colgroup><thead><tr>',
      ...[c.n, c.number, c.title, c.due, c.working, c.calendar].map((h) => `<th scope="col">${escapeHtml(h)}</th>`),
      '</tr></thead><tbody>',
      ...p.rows.map((r) => `<tr>${r.map((v, i) => `<td${i === 0 || i >= 4 ? ' class="r"' : ''}>${escapeHtml(v)}</td>`).join('')}</tr>`),
      '</tbody></table>',
    );
  }
  out.push(`<p class="body">${escapeHtml(p.l.request)}</p>`);
  out.push(
    `<div class="sign"><span class="sig-pos">${escapeHtml(p.signer.position)}</span><span class="sig-line"></span><span class="sig-name">${escapeHtml(p.signer.name)}</span></div>`,
    `<p class="performer">${escapeHtml(p.performer)}</p>`,
    '</body></html>',
  );
  return out.join('');
}

// A4 portrait in twentieths of a point; margins 20 mm, 15 mm right, 20 mm top and bottom.
const A4_SHORT = 11_906;
const A4_LONG = 16_838;
const MARGIN = { top: 1_134, bottom: 1_134, left: 1_701, right: 850 };
const TEXT_WIDTH = A4_SHORT - MARGIN.left - MARGIN.right;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8F98' };

/** The letter as DOCX (A4 portrait). */
export async function renderLetterDocx(data: LetterData, language: Language): Promise<Buffer> {
  const p = parts(data, language);
  const text = (value: string, options: { bold?: boolean; size?: number } = {}) => new TextRun({ text: xmlSafe(value), ...options });
  const widths = WIDTHS.map((w) => Math.floor((TEXT_WIDTH * w) / 100));
  const c = p.l.columns;
  const cell = (value: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] as number, type: WidthType.DXA },
      ...(header ? { shading: { fill: 'E9ECF1' } } : {}),
      children: [new Paragraph({ alignment: !header && (i === 0 || i >= 4) ? AlignmentType.RIGHT : undefined, children: [text(value, { bold: header })] })],
    });
  const body: (Paragraph | Table)[] = [
    new Paragraph({ children: [text(p.outgoing)] }),
    ...p.addressee.map((line, i) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: i === 0 ? 240 : 0 }, children: [text(line, { bold: i === 0 })] })),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 120 }, children: [text(p.l.title, { bold: true, size: 28 })] }),
    new Paragraph({ spacing: { after: 200 }, children: [text(p.l.subject, { bold: true })] }),
    new Paragraph({ spacing: { after: 200 }, indent: { firstLine: 709 }, alignment: AlignmentType.JUSTIFIED, children: [text(p.body)] }),
  ];
  if (p.rows.length === 0) body.push(new Paragraph({ children: [new TextRun({ text: xmlSafe(p.l.empty), italics: true })] }));
  else {
    body.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
        rows: [
          new TableRow({ tableHeader: true, cantSplit: true, children: [c.n, c.number, c.title, c.due, c.working, c.calendar].map((h, i) => cell(h, i, true)) }),
          ...p.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
        ],
      }),
    );
  }
  body.push(new Paragraph({ spacing: { before: 200 }, indent: { firstLine: 709 }, alignment: AlignmentType.JUSTIFIED, children: [text(p.l.request)] }));
  body.push(
    new Paragraph({
      spacing: { before: 600 },
      tabStops: [
        { type: TabStopType.LEFT, position: 4_800 },
        { type: TabStopType.LEFT, position: 7_000 },
      ],
      children: [text(p.signer.position), new TextRun('\t'), new TextRun({ text: '\t', underline: {} }), text(`  ${p.signer.name}`, { bold: true })],
    }),
    new Paragraph({ spacing: { before: 600 }, children: [text(p.performer, { size: 16 })] }),
  );
  const document = new Document({
    creator: 'Ministry Action Tracker',
    title: xmlSafe(`${p.l.title} — ${data.organizationName}`),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26, language: { value: localeOf(language) } } } } },
    sections: [{ properties: { page: { size: { width: A4_SHORT, height: A4_LONG }, margin: MARGIN } }, children: body }],
  });
  return Packer.toBuffer(document);
}
