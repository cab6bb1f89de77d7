// English strings of a protocol opened as a file (DOCX, PDF) in "New meeting from text".
import type { MessageTree } from './messages';

export const protocolEn = {
  orFile: 'Or open the protocol as a file: Word (DOCX) or PDF. Its items, executors and deadlines are read from it.',
  fileHeading: 'Protocol file',
  reading: 'Reading the protocol…',
  fromFile: 'Read from {{name}}.',
  scan_one: '“{{name}}” is a scan: its page holds a picture of the text, not text the app can read. Enter the instructions by hand, or keep the file with the meeting.',
  scan_other: '“{{name}}” is a scan: its {{count}} pages hold pictures of the text, not text the app can read. Enter the instructions by hand, or keep the file with the meeting.',
  scanKeepLegend: 'Keep the scan with a meeting',
  scanMeeting: 'Meeting',
  scanNewMeeting: 'A new meeting',
  scanMeetingTitle: 'Title of the new meeting',
  scanMeetingDate: 'Date of the new meeting',
  scanKeep: 'Keep the scan with the meeting',
  scanKept: '“{{name}}” was kept with the meeting “{{meeting}}”.',
  protocolNumber: 'Protocol number',
  item: 'Item {{number}}',
  leadPerson: 'Official: {{name}}',
  coexecutors: 'Co-executors: {{names}}',
  deadlineFrom: 'Deadline as written: “{{text}}”',
  movedFrom: '{{date}} is a day off: the deadline is the working day before.',
  recurrence: {
    quarterly: 'Repeats every quarter; the first deadline is set.',
    monthly: 'Repeats every month; the first deadline is set.',
  },
  reportTo: 'Reports to: {{body}}',
} satisfies MessageTree;

export const protocolErrorsEn = {
  notDocument: '“{{name}}” is neither a Word document (DOCX) nor a PDF. Nothing was imported.',
  oldWord: '“{{name}}” is an old Word document (.doc) or a password-protected one: save it as DOCX without a password and open that. Nothing was imported.',
  badDocx: '“{{name}}” is not a Word document that can be read (DOCX): it is damaged, cut short or another kind of file renamed. Nothing was imported.',
  emptyDocument: '“{{name}}” holds no text. Nothing was imported.',
  badPdf: '“{{name}}” is not a PDF that can be read: it is damaged or cut short. Nothing was imported.',
  encryptedPdf: '“{{name}}” is protected with a password: open it in a PDF viewer, save a copy without the password and open that. Nothing was imported.',
} satisfies MessageTree;
