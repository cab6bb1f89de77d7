// The report as one standalone HTML document: what the in-app preview shows and what Chromium's
// print engine turns into the PDF (printToPDF in the app, page.pdf in the tests). No scripts, no
// external resources; every value is escaped; the only styles are the constant stylesheet (allowed
// by hash) and, in the PDF document, the running header and page numbers in the page margins.
import type { Language } from '../../../db/model';
import type { ColumnType, PrintColumn, ReportDocument, Row, Section } from './model';
import { fill, formatDate, formatDateTime, formatNumber } from './strings';
import { REPORT_CSS, REPORT_FONTS, REPORT_STYLE_HASH, styleHash } from './style';

export interface HtmlOptions {
  /** Show at most this many rows per section (the preview of a long report); a note says so. */
  limit?: number;
  /** Print the title, the date and "page N of M" in the page margins (a second, per-document
   * stylesheet allowed by the document's own policy; not for the srcdoc preview, whose policy is
   * the app's). */
  pageMargins?: boolean;
  /** Lay the document out for print only (the PDF): nothing is laid out for the screen first. */
  printOnly?: boolean;
}

/** What Chromium's print engine is asked for: the page size and margins come from the document's CSS. */
export const PDF_PRINT_OPTIONS = { pageSize: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true } as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  // Control characters other than tab and newlines have no business in a document.
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd');
}

function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
}

export function formatValue(value: string | number, type: ColumnType | undefined, language: Language): string {
  if (typeof value === 'number') return formatNumber(value, language);
  if (type === 'date') return formatDate(value, language);
  if (type === 'datetime') return formatDateTime(value, language);
  return value;
}

const CHUNK = 200;

function columnTypes(section: Section): Map<string, ColumnType> {
  return new Map(section.columns.map((c) => [c.key, c.type]));
}

const STYLE_CLASS = { strong: 's', muted: 'm', alert: 'a' } as const;

function cell(row: Row, column: PrintColumn, types: Map<string, ColumnType>, language: Language): string {
  const lines: string[] = [];
  let plain = true;
  for (const line of column.lines) {
    const value = row[line.key];
    if (value === null || value === undefined || value === '') continue;
    const text = escapeHtml(formatValue(value, types.get(line.key), language));
    // A zero is never an alarm.
    if (line.style && !(line.style === 'alert' && value === 0)) {
      plain = false;
      lines.push(`<div class="${STYLE_CLASS[line.style]}">${text}</div>`);
    } else lines.push(`<div>${text}</div>`);
  }
  const align = column.align === 'right' ? ' class="r"' : '';
  if (lines.length === 1 && plain) return `<td${align}>${(lines[0] as string).slice(5, -6)}</td>`;
  return `<td${align}>${lines.join('')}</td>`;
}

function sectionHtml(section: Section, doc: ReportDocument, limit: number | undefined, out: string[]): void {
  out.push(`<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>`);
  if (section.rows.length === 0) {
    out.push(`<p class="empty">${escapeHtml(section.emptyText)}</p></section>`);
    return;
  }
  const types = columnTypes(section);
  const head =
    // Widths as presentational attributes: the policy allows no inline style attributes.
    '<colgroup>' +
    section.printColumns.map((c) => `<col width="${c.width}%">`).join('') +
    '</colgroup><thead><tr>' +
    section.printColumns.map((c) => `<th${c.align === 'right' ? ' class="r"' : ''} scope="col">${escapeHtml(c.header)}</th>`).join('') +
    '</tr></thead>';
  const shown = limit === undefined ? section.rows.length : Math.min(limit, section.rows.length);
  // Long tables go out in chunks: Chromium paginates many moderate tables much faster than one
  // huge one, and each chunk still repeats its header row on every page.
  for (let start = 0; start < shown || start === 0; start += CHUNK) {
    out.push(`<table>${head}<tbody>`);
    const end = Math.min(shown, start + CHUNK);
    for (let i = start; i < end; i++) {
      const row = section.rows[i] as Row;
      out.push('<tr>');
      for (const column of section.printColumns) out.push(cell(row, column, types, doc.language));
      out.push('</tr>');
    }
    if (end >= shown && section.totals) {
      out.push('<tr class="total">');
      for (const column of section.printColumns) out.push(cell(section.totals, column, types, doc.language));
      out.push('</tr>');
    }
    out.push('</tbody></table>');
    if (end >= shown) break;
  }
  if (shown < section.rows.length) {
    const note = fill(doc.labels.previewLimited, { shown: formatNumber(shown, doc.language), total: formatNumber(section.rows.length, doc.language) });
    out.push(`<p class="limited">${escapeHtml(note)}</p>`);
  }
  out.push('</section>');
}

/** The signature block: each signature's heading, then its position, a line to sign on and the name. */
export function signaturesHtml(doc: ReportDocument, out: string[]): void {
  if (doc.signatures.length === 0) return;
  out.push('<section class="signatures">');
  for (const sig of doc.signatures) {
    out.push(
      `<div class="sig"><div class="sig-label">${escapeHtml(sig.label)}</div>` +
        `<div class="sig-row"><span class="sig-pos">${escapeHtml(sig.position)}</span><span class="sig-line"></span><span class="sig-name">${escapeHtml(sig.name)}</span></div>` +
        (sig.phone ? `<div class="sig-phone">${escapeHtml(sig.phone)}</div>` : '') +
        '</div>',
    );
  }
  out.push('</section>');
}

/** The running header (title, as-of date) and "page N of M" in the page margins, for the PDF. */
export function pageMarginCss(doc: ReportDocument): string {
  const [before = '', between = '', after = ''] = doc.labels.pageOf.split(/\{page\}|\{pages\}/);
  const pageFirst = doc.labels.pageOf.indexOf('{page}') <= doc.labels.pageOf.indexOf('{pages}');
  const counters = pageFirst ? ['counter(page)', 'counter(pages)'] : ['counter(pages)', 'counter(page)'];
  const box = `font-family: ${REPORT_FONTS}; font-size: 7.5pt; color: #444;`;
  return [
    '@page {',
    `  @top-left { content: ${cssString(doc.title)}; ${box} }`,
    `  @top-right { content: ${cssString(doc.asOfText)}; ${box} }`,
    ...(doc.footerText ? [`  @bottom-left { content: ${cssString(doc.footerText)}; ${box} }`] : []),
    `  @bottom-right { content: ${cssString(before)} ${counters[0]} ${cssString(between)} ${counters[1]} ${cssString(after)}; ${box} }`,
    '}',
  ].join('\n');
}

export function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const margins = options.pageMargins ? pageMarginCss(doc) : null;
  const styleSources = [REPORT_STYLE_HASH, ...(margins ? [styleHash(margins)] : [])].join(' ');
  const csp = `default-src 'none'; style-src ${styleSources}; img-src data:; base-uri 'none'; form-action 'none'`;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${doc.language}"${options.printOnly ? ' class="print-only"' : ''}>`,
    '<head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    `<title>${escapeHtml(`${doc.title} — ${doc.asOfText}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
  ];
  if (margins) out.push(`<style>${margins}</style>`);
  out.push('</head><body>');
  out.push(`<header><h1>${escapeHtml(doc.title)}</h1><p class="as-of">${escapeHtml(doc.asOfText)}</p><dl class="meta">`);
  for (const line of doc.meta) out.push(`<div><dt>${escapeHtml(line.label)}:</dt> <dd>${escapeHtml(line.value)}</dd></div>`);
  out.push('</dl></header>');
  for (const section of doc.sections) sectionHtml(section, doc, options.limit, out);
  signaturesHtml(doc, out);
  out.push(`<p class="prepared">${escapeHtml(doc.preparedText)}</p>`);
  out.push('</body></html>');
  return out.join('');
}
