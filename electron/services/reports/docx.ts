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
import crypto from 'node:crypto';
import JSZip from 'jszip';
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

type LineStyle = 'strong' | 'muted' | 'alert' | undefined;

// Rows are written as WordprocessingML directly, the same elements the docx package writes for a
// TableRow of one paragraph per cell (see the tests): a report of 10,000 instructions is a table of
// some 60,000 cells, and building an object per element made packing it take seconds. The
// document around them (styles, sections, headers, footers, headings, the header row) is the
// docx package's; each table holds a placeholder row that is replaced by the rows.

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>]/g, (c) => XML_ESCAPES[c] as string);
}

/** The runs of one printed line; line breaks inside the value become breaks, not paragraphs. */
function runsXml(text: string, style: LineStyle, bold: boolean, first: boolean): string {
  const strong = bold || style === 'strong' || style === 'alert';
  const color = style === 'muted' ? MUTED : style === 'alert' ? ALERT : null;
  const props = `${strong ? '<w:b/><w:bCs/>' : ''}${color ? `<w:color w:val="${color}"/>` : ''}`;
  const rPr = props ? `<w:rPr>${props}</w:rPr>` : '';
  return escapeXml(text)
    .split('\n')
    .map((line, i) => `<w:r>${rPr}${first && i === 0 ? '' : '<w:br/>'}<w:t xml:space="preserve">${line}</w:t></w:r>`)
    .join('');
}

/** One paragraph per cell, its lines separated by breaks; the borders are the table's. */
function cellXml(row: Row, column: PrintColumn, types: Map<string, ColumnType>, doc: ReportDocument, width: number, bold: boolean): string {
  let runs = '';
  for (const line of column.lines) {
    const value = row[line.key];
    if (value === null || value === undefined || value === '') continue;
    // A zero is never an alarm.
    const style = line.style === 'alert' && value === 0 ? undefined : line.style;
    runs += runsXml(formatValue(value, types.get(line.key), doc.language), style, bold, runs === '');
  }
  const pPr = column.align === 'right' ? '<w:pPr><w:jc w:val="right"/></w:pPr>' : '';
  const paragraph = pPr || runs ? `<w:p>${pPr}${runs}</w:p>` : '<w:p/>';
  return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr>${paragraph}</w:tc>`;
}

export function rowXml(row: Row, section: Section, types: Map<string, ColumnType>, doc: ReportDocument, widths: number[], bold = false): string {
  return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${section.printColumns.map((c, k) => cellXml(row, c, types, doc, widths[k] as number, bold)).join('')}</w:tr>`;
}

async function rowsXml(section: Section, doc: ReportDocument, widths: number[], advance: (n: number) => Promise<void>): Promise<string> {
  const types = new Map(section.columns.map((c) => [c.key, c.type]));
  const out: string[] = [];
  for (let start = 0; start < section.rows.length; start += CHUNK) {
    const end = Math.min(section.rows.length, start + CHUNK);
    for (let i = start; i < end; i++) out.push(rowXml(section.rows[i] as Row, section, types, doc, widths));
    await advance(end - start);
  }
  if (section.totals) out.push(rowXml(section.totals, section, types, doc, widths, true));
  return out.join('');
}

export function columnWidths(section: Section): number[] {
  return section.printColumns.map((c) => Math.floor((TEXT_WIDTH * c.width) / 100));
}

/** The table with its repeating header row and a placeholder row carrying `marker`. */
function sectionTable(section: Section, marker: string): Table {
  const widths = columnWidths(section);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: section.printColumns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E9ECF1' },
          children: [new Paragraph({ children: [new TextRun({ text: xmlSafe(c.header), bold: true })], alignment: c.align === 'right' ? AlignmentType.RIGHT : undefined })],
        }),
    ),
  });
  const placeholder = new TableRow({ children: [new TableCell({ columnSpan: widths.length, children: [new Paragraph(marker)] })] });
  return new Table({
    rows: [header, placeholder],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

/** Replaces the table row holding `marker` with `rows`. */
export function replaceRow(xml: string, marker: string, rows: string): string {
  const at = xml.indexOf(marker);
  if (at < 0 || xml.indexOf(marker, at + marker.length) >= 0) throw new Error('the DOCX table placeholder is missing or repeated');
  const open = Math.max(xml.lastIndexOf('<w:tr>', at), xml.lastIndexOf('<w:tr ', at));
  const close = xml.indexOf('</w:tr>', at);
  if (open < 0 || close < 0) throw new Error('the DOCX table placeholder is not in a row');
  return xml.slice(0, open) + rows + xml.slice(close + '</w:tr>'.length);
}

/** The signature block: each signature's heading, then position, a line to sign on and the name, then the phone. */
export function signatureParagraphs(doc: ReportDocument): Paragraph[] {
  const out: Paragraph[] = [];
  doc.signatures.forEach((sig, i) => {
    out.push(new Paragraph({ keepNext: true, spacing: { before: i === 0 ? 360 : 240, after: 60 }, children: [new TextRun({ text: xmlSafe(sig.label), bold: true })] }));
    out.push(
      new Paragraph({
        keepNext: sig.phone !== '',
        tabStops: [
          { type: TabStopType.LEFT, position: 5_100 },
          { type: TabStopType.LEFT, position: 8_100 },
        ],
        children: [new TextRun(xmlSafe(sig.position)), new TextRun('\t'), new TextRun({ text: '\t', underline: {} }), new TextRun({ text: `  ${xmlSafe(sig.name)}`, bold: true })],
      }),
    );
    if (sig.phone) out.push(new Paragraph({ spacing: { before: 40 }, children: [new TextRun(xmlSafe(sig.phone))] }));
  });
  return out;
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
  // A marker no report text can contain: random per document.
  const token = crypto.randomBytes(12).toString('hex');
  const marker = (i: number) => `MAT-ROWS-${token}-${i}`;
  doc.sections.forEach((section, i) => {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(xmlSafe(section.title))] }));
    if (section.rows.length === 0) body.push(new Paragraph({ children: [new TextRun({ text: xmlSafe(section.emptyText), italics: true })] }));
    else body.push(sectionTable(section, marker(i)));
  });
  body.push(...signatureParagraphs(doc));
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
                // The official who prepared it on the left, the page number on the right.
                tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
                children: [
                  new TextRun({ text: xmlSafe(doc.footerText), size: 15, color: MUTED }),
                  new TextRun({ children: ['\t', before, counters[0] as string, between, counters[1] as string, after], size: 15, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  const rows: string[] = [];
  for (const section of doc.sections) rows.push(section.rows.length === 0 ? '' : await rowsXml(section, doc, columnWidths(section), advance));
  progress(total, total, 'packing');
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  let xml = (await zip.file('word/document.xml')?.async('string')) as string;
  doc.sections.forEach((section, i) => {
    if (section.rows.length > 0) xml = replaceRow(xml, marker(i), rows[i] as string);
  });
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
