// A valid input for every channel of the contract, shared by the contract test and the fuzzing.
import type { ChannelName, Input } from '../../electron/api/contract';

export const ID = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'] as const;

/** A valid input for every channel, by feature; a channel without one is a compile error here. */
export const examples: { [K in ChannelName]: Input<K> } = {
  // app
  'app.info': {},
  'app.setLanguage': { language: 'ru' },
  'app.setActor': { name: 'A. Secretary' },
  'app.rememberBoard': { boardId: ID[0] },
  'app.chooseStart': { choice: 'demo' },
  // boards
  'boards.list': {},
  'boards.view': { boardId: ID[0], search: 'status:assigned' },
  'boards.create': { name: 'Energy', columnField: 'status', meetingId: null, swimlaneField: 'organization', filter: 'topic:energy', wipLimits: { assigned: 5 } },
  'boards.update': { id: ID[0], patch: { name: 'Energy', columnField: 'priority', swimlaneField: null, filter: '', wipLimits: { high: 3 } } },
  'boards.duplicate': { id: ID[0], name: 'Copy' },
  'boards.delete': { id: ID[0] },
  // instructions
  'instructions.get': { id: ID[0] },
  'instructions.create': {
    title: 'Work out electricity supply',
    meetingId: ID[1],
    itemNumber: '1',
    body: 'Full text',
    leadOrgId: ID[2],
    leadPersonId: null,
    controllerId: null,
    priority: 'high',
    onControl: true,
    dueDate: '2026-12-31',
    tagIds: [ID[0]],
    coexecutors: [{ organizationId: ID[2], personId: null, dueDate: '2026-12-01' }],
  },
  'instructions.update': { id: ID[0], expectedVersion: 1, patch: { title: 'New title', priority: 'low' } },
  'instructions.move': {
    id: ID[0],
    to: { field: 'status', value: 'in_progress' },
    lane: { field: 'topic', value: ID[1], from: ID[2] },
    afterId: ID[1],
    beforeId: null,
    report: null,
    reason: null,
    expectedVersion: 2,
  },
  'instructions.setStatus': { id: ID[0], status: 'resolved', report: 'Done', reason: null, expectedVersion: 1 },
  'instructions.changeDueDate': { id: ID[0], dueDate: '2027-01-15', reason: 'Awaiting the partner', expectedVersion: 1 },
  'instructions.setTags': { id: ID[0], tagIds: [ID[1]], expectedVersion: 1 },
  'instructions.archive': { id: ID[0], archived: true, expectedVersion: 1 },
  'reports.add': { instructionId: ID[0], kind: 'interim', body: 'Talks held' },
  'coexecutors.add': { instructionId: ID[0], organizationId: ID[1], personId: null, dueDate: null },
  'coexecutors.update': { id: ID[0], patch: { dueDate: '2026-11-30' } },
  'coexecutors.remove': { id: ID[0] },
  // directory
  'organizations.list': {},
  'organizations.create': { name: 'Ministry of Energy', shortName: 'MoE', country: 'KG' },
  'organizations.update': { id: ID[0], patch: { shortName: null } },
  'organizations.merge': { duplicateId: ID[0], survivorId: ID[1] },
  'people.list': {},
  'people.create': { fullName: 'A. Official', position: 'Minister', organizationId: ID[1] },
  'people.update': { id: ID[0], patch: { position: 'Deputy minister' } },
  'people.merge': { duplicateId: ID[0], survivorId: ID[1] },
  'tags.list': {},
  // meetings
  'meetings.list': {},
  'meetings.get': { id: ID[0] },
  'meetings.create': { title: 'Heads of government', heldOn: '2021-11-05', place: 'Bishkek', participants: null, protocolNumber: '1', sourceText: null },
  'meetings.update': { id: ID[0], patch: { place: 'Astana' } },
  // intake
  'intake.capabilities': {},
  'intake.openFile': { purpose: 'list' },
  'intake.discardFile': { fileId: ID[0] },
  'intake.saveText': { suggestedName: 'errors.csv', content: 'a,b' },
  'intake.readoutParse': { text: '1. Work out electricity supply.' },
  'intake.readoutCommit': {
    meeting: { title: 'Heads of government', heldOn: '2021-11-05', place: null, participants: null },
    sourceText: '1. Work out electricity supply.',
    instructions: [{ title: 'Work out electricity supply', body: '', lead: { id: ID[1] }, tagIds: [], dueDate: null }],
  },
  'intake.listPreview': { fileId: ID[0], sheet: 'Sheet1', headerRow: 1, mapping: ['itemNumber', 'title', null], meetingId: null },
  'intake.listCommit': { fileId: ID[0], sheet: null, headerRow: null, mapping: null, meetingId: ID[1] },
  'intake.exchangePreview': { fileId: ID[0] },
  'intake.exchangeCommit': { fileId: ID[0], choices: { [`instructions/${ID[1]}/title`]: 'incoming' } },
  // reports
  'reports.options': {},
  'reports.preview': { kind: 'status', scope: { type: 'search', query: 'overdue:yes', boardId: ID[0] }, limit: 50 },
  'reports.start': { kind: 'register', format: 'csv', scope: { type: 'meeting', meetingId: ID[1] }, purpose: 'file', csvSeparator: 'semicolon' },
  'reports.job': { jobId: ID[0] },
  'reports.cancel': { jobId: ID[0] },
  'reports.save': { jobId: ID[0] },
  'reports.print': { jobId: ID[0] },
};
