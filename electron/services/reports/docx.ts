// DOCX through the `docx` package: A4 landscape, the title and date in the page header, "page N of
// M" in the footer, real headings, and one table per section whose header row repeats on every
// page. Word and LibreOffice both open it; the tests read its XML back and convert it with
// LibreOffice.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { ColumnType, PrintColumn, ReportDocument, Row, Section } from './model';
import { formatValue } from './html';
import { localeOf } from './strings';
import { xmlSafe, yieldNow, type Progress } from './text';

// A4 in twentieths of a point, and the margins (16 mm top, 14 mm bottom, 12 mm sides).
const A4_SHORT = 11_906;
const A4_LONG = 16_838;
const MARGIN = { top: 907, bottom: 794, left: 680, right: 680, header: 397, footer: 397 };
const TEXT_WIDTH = A4_LONG - MARGIN.left - MARGIN.right;
const FONT = 'Arial';
const MUTED = '555555';
const ALERT = 'B42318';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8F98' };
const CHUNK = 250;

function runs(text: string, style: 'strong' | 'muted' | 'alert' | undefined, bold = false): TextRun[] {
  const options = {
    bold: bold || style === 'strong' || style === 'alert',
    color: style === 'muted' ? MUTED : style === 'alert' ? ALERT : undefined,
  };
  return [new TextRun({ text: xmlSafe(text), ...options })];
}

function paragraphs(text: string, style: 'strong' | 'muted' | 'alert' | undefined, align: PrintColumn['align'], bold = false): Paragraph[] {
  return text.split('\n').map(
    (line) => new Paragraph({ children: runs(line, style, bold), alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { after: 0 } }),
  );
}

function cell(row: Row, column: PrintColumn, types: Map<string, ColumnType>, doc: ReportDocument, width: number, bold = false): TableCell {
  const children: Paragraph[] = [];
  for (const line of column.lines) {
    const value = row[line.key];
    if (value === null || value === undefined || value === '') continue;
    // A zero is never an alarm.
    const style = line.style === 'alert' && value === 0 ? undefined : line.style;
    children.push(...paragraphs(formatValue(value, types.get(line.key), doc.language), style, column.align, bold));
  }
  if (children.length === 0) children.push(new Paragraph({ children: [] }));
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } });
}

async function sectionTable(section: Section, doc: ReportDocument, advance: (n: number) => Promise<void>): Promise<Table> {
  const types = new Map(section.columns.map((c) => [c.key, c.type]));
  const widths = section.printColumns.map((c) => Math.floor((TEXT_WIDTH * c.width) / 100));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: section.printColumns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E9ECF1' },
          borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
          children: paragraphs(c.header, undefined, c.align, true),
        }),
    ),
  });
  const rows: TableRow[] = [header];
  for (let start = 0; start < section.rows.length; start += CHUNK) {
    const end = Math.min(section.rows.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const data = section.rows[i] as Row;
      rows.push(new TableRow({ cantSplit: true, children: section.printColumns.map((c, k) => cell(data, c, types, doc, widths[k] as number)) }));
    }
    await advance(end - start);
  }
  if (section.totals) {
    const totals = section.totals;
    rows.push(new TableRow({ cantSplit: true, children: section.printColumns.map((c, k) => cell(totals, c, types, doc, widths[k] as number, true)) }));
  }
  return new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}

export async function renderDocx(doc: ReportDocument, progress: Progress = () => undefined): Promise<Buffer> {
  const total = doc.sections.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const advance = async (n: number) => {
    done += n;
    progress(done, total, 'rendering');
    await yieldNow();
  };

  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(doc.title))] }),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(doc.asOfText), bold: true })], spacing: { after: 120 } }),
    ...doc.meta.map((line) => new Paragraph({ children: [new TextRun({ text: `${xmlSafe(line.label)}: `, bold: true }), new TextRun(xmlSafe(line.value))] })),
  ];
  for (const section of doc.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(xmlSafe(section.title))] }));
    if (section.rows.length === 0) {
      body.push(new Paragraph({ children: [new TextRun({ text: xmlSafe(section.emptyText), italics: true })] }));
      continue;
    }
    body.push(await sectionTable(section, doc, advance));
  }
  body.push(new Paragraph({ spacing: { before: 200 }, children: [new TextRun({ text: xmlSafe(doc.preparedText), color: MUTED, size: 16 })] }));

  const [before = '', between = '', after = ''] = doc.labels.pageOf.split(/\{page\}|\{pages\}/);
  const pageFirst = doc.labels.pageOf.indexOf('{page}') <= doc.labels.pageOf.indexOf('{pages}');
  const counters = pageFirst ? [PageNumber.CURRENT, PageNumber.TOTAL_PAGES] : [PageNumber.TOTAL_PAGES, PageNumber.CURRENT];

  const document = new Document({
    creator: 'Ministry Action Tracker',
    title: xmlSafe(doc.title),
    description: xmlSafe(doc.asOfText),
    styles: {
      default: {
        document: { run: { font: FONT, size: 17, language: { value: localeOf(doc.language) } }, paragraph: { spacing: { after: 0, line: 252 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { after: 60 } } },
        heading2: { run: { font: FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 80 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: [new TextRun({ text: xmlSafe(doc.title), size: 15, color: MUTED }), new TextRun({ text: `\t${xmlSafe(doc.asOfText)}`, size: 15, color: MUTED })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: [before, counters[0] as string, between, counters[1] as string, after], size: 15, color: MUTED })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  progress(total, total, 'packing');
  return Packer.toBuffer(document);
}
