// The report document's stylesheet. It is one constant, so the app's Content-Security-Policy can
// allow exactly this <style> element by its hash (the in-app preview shows the report in a
// sandboxed srcdoc iframe, which inherits the app's policy) and nothing else inline.
import crypto from 'node:crypto';

/** System fonts with Cyrillic and Kazakh/Kyrgyz letters (әғқңөұүһі): Noto Sans and DejaVu Sans on
 * Linux, Segoe UI and Arial on Windows and macOS. Nothing is fetched. */
export const REPORT_FONTS = '"Noto Sans", "DejaVu Sans", "Segoe UI", Arial, "Liberation Sans", sans-serif';

export const REPORT_CSS = [
  '@page { size: A4 landscape; margin: 16mm 12mm 14mm 12mm; }',
  'html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }',
  `body { margin: 0; font-family: ${REPORT_FONTS}; font-size: 8.5pt; line-height: 1.3; color: #111; background: #fff; }`,
  // The PDF document is laid out for print only: skipping the screen layout of a long report
  // saves its time before printing starts.
  '@media screen { body { margin: 16px; } html.print-only body { display: none; } }',
  'h1 { font-size: 14pt; margin: 0 0 2pt; }',
  '.as-of { font-size: 10.5pt; font-weight: 600; margin: 0 0 6pt; }',
  '.meta { margin: 0 0 8pt; }',
  '.meta div { margin: 0 0 1pt; }',
  '.meta dt { display: inline; font-weight: 600; }',
  '.meta dd { display: inline; margin: 0; }',
  'h2 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; }',
  'table { width: 100%; border-collapse: collapse; table-layout: fixed; }',
  'thead { display: table-header-group; }',
  'tr { break-inside: avoid; }',
  'th, td { border: 0.5pt solid #8a8f98; padding: 2pt 3pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; white-space: pre-line; }',
  'th { background: #e9ecf1; font-weight: 600; overflow-wrap: normal; hyphens: auto; }',
  '.r { text-align: right; }',
  'tr.total td { font-weight: 600; background: #f3f4f6; }',
  '.s { font-weight: 600; }',
  '.m { color: #555; }',
  '.a { color: #b42318; font-weight: 600; }',
  '.empty { font-style: italic; color: #555; }',
  '.limited { margin: 6pt 0; padding: 4pt 6pt; background: #fff7e0; border: 0.5pt solid #d9a400; }',
  '.prepared { margin-top: 10pt; color: #555; font-size: 8pt; }',
  // The signature block: "approved by" and "prepared by", each a position, a line to sign on and a name.
  '.signatures { margin-top: 18pt; break-inside: avoid; }',
  '.sig { margin: 0 0 12pt; break-inside: avoid; }',
  '.sig-label { font-weight: 600; margin: 0 0 4pt; }',
  '.sig-row { display: flex; align-items: flex-end; gap: 10pt; }',
  '.sig-pos { flex: 0 1 90mm; }',
  '.sig-line { flex: 0 0 40mm; border-bottom: 0.5pt solid #111; height: 11pt; }',
  '.sig-name { font-weight: 600; }',
  '.sig-phone { color: #333; margin-top: 2pt; }',
].join('\n');

export function styleHash(css: string): string {
  return `'sha256-${crypto.createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** The CSP source that allows the report stylesheet, e.g. `'sha256-…'`. */
export const REPORT_STYLE_HASH = styleHash(REPORT_CSS);

/** The reminder letter's stylesheet (reports/letter.ts): A4 portrait, an official letter's layout. */
export const LETTER_CSS = [
  '@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }',
  'html { print-color-adjust: exact; -webkit-print-color-adjust: exact; }',
  `body { margin: 0; font-family: ${REPORT_FONTS}; font-size: 11pt; line-height: 1.35; color: #111; background: #fff; }`,
  '@media screen { body { margin: 16px auto; max-width: 170mm; } }',
  '.head { display: flex; justify-content: space-between; gap: 16pt; margin: 0 0 18pt; }',
  '.outgoing { flex: 1 1 50%; }',
  '.to { flex: 1 1 50%; text-align: right; font-weight: 600; }',
  'h1 { font-size: 14pt; text-align: center; margin: 12pt 0 6pt; }',
  '.subject { font-weight: 600; margin: 0 0 10pt; }',
  '.body { text-indent: 12mm; text-align: justify; margin: 0 0 10pt; }',
  'table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 10pt; font-size: 9.5pt; }',
  'thead { display: table-header-group; }',
  'tr { break-inside: avoid; }',
  'th, td { border: 0.5pt solid #8a8f98; padding: 2pt 3pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }',
  'th { background: #e9ecf1; font-weight: 600; font-size: 8.5pt; overflow-wrap: normal; hyphens: auto; }',
  '.r { text-align: right; }',
  '.empty { font-style: italic; color: #555; }',
  '.sign { display: flex; align-items: flex-end; gap: 10pt; margin-top: 30pt; break-inside: avoid; }',
  '.sig-pos { flex: 0 1 80mm; }',
  '.sig-line { flex: 0 0 35mm; border-bottom: 0.5pt solid #111; height: 12pt; }',
  '.sig-name { font-weight: 600; }',
  '.performer { margin-top: 30pt; font-size: 8pt; color: #333; }',
].join('\n');

export const LETTER_STYLE_HASH = styleHash(LETTER_CSS);
