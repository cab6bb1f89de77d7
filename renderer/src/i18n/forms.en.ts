// English strings of the shared form parts: the date field, field rules, inline additions.
import type { MessageTree } from './messages';

export const dateInputEn = {
  format: 'e.g. 5 Dec 2026',
  hint: 'Date, {{format}} or 05/12/2026',
  unreadable: '“{{text}}” is not a date. Type day, month and year: {{format}} or 05/12/2026.',
  impossible_one: 'There is no {{text}}: {{month}} {{year}} has {{count}} day.',
  impossible_other: 'There is no {{text}}: {{month}} {{year}} has {{count}} days.',
  months: 'January,February,March,April,May,June,July,August,September,October,November,December',
  weekdays: 'Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday',
  weekdaysShort: 'Mo,Tu,We,Th,Fr,Sa,Su',
  monthYear: '{{month}} {{year}}',
  dayLabel: '{{weekday}}, {{day}} {{month}} {{year}}',
  open: 'Open the calendar',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  today: 'Today',
} satisfies MessageTree;

export const formsEn = {
  titleRequired: 'Write the title: an instruction cannot be created without one.',
  titleRequiredSave: 'Write the title: an instruction cannot be saved without one.',
  tooLong: 'Too long — characters: {{length}}, at most {{limit}} allowed. Shorten it; nothing was cut.',
  counter: 'Characters: {{length}} of {{limit}}',
  textRequired: 'Write the text first: the button works once it is filled in.',
  addOrganization: 'Add organization…',
  newOrganization: 'New organization',
  newOrganizationName: 'Name of the new organization',
  addOrganizationConfirm: 'Add to the list',
  organizationNameRequired: 'Write the name of the organization.',
  organizationDuplicate: '“{{name}}” is already in the list. Choose it there.',
  organizationAdded: '“{{name}}” was added to the organizations.',
  coexecutors: 'Co-executors',
  coexecutorToAdd: 'Co-executor to add',
  addCoexecutor: 'Add co-executor',
  noCoexecutors: 'No co-executors.',
  removeCoexecutor: 'Remove {{name}}',
  coexecutorIsLead: 'The lead organization cannot also be a co-executor.',
} satisfies MessageTree;
