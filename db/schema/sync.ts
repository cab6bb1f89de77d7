// Team mode on the desk (migration 011): the sync state, the outbox of operations, the clocks of
// fields, pulled operations held back, and extension requests as the team shares them. None of it
// travels in the exchange file: it is this desk's conversation with its team server.
import { defineTable, notCarried, type RowOf } from './columns';

const desk = notCarried("this desk's own conversation with its team server (device, clock, sequence, account), meaningless in another store");
const outbox = notCarried('operations waiting for this desk’s team server; another store records its own changes in its own outbox');
const clocks = notCarried('the clocks of the operations this desk applied; a merged store keeps its own');
const held = notCarried('operations pulled from this desk’s team server that wait for what they refer to');
const requests = notCarried('team mode: requests travel as operations through the team server; the exchange carries the extensions granted');

export const syncStateTable = defineTable('sync_state', {
  id: { sql: 'id', kind: 'int', exchange: desk, domain: desk },
  deviceId: { sql: 'device_id', kind: 'text', exchange: desk, domain: desk },
  serverUrl: { sql: 'server_url', kind: 'text', nullable: true, exchange: desk, domain: desk },
  accountLogin: { sql: 'account_login', kind: 'text', nullable: true, exchange: desk, domain: desk },
  accountRole: { sql: 'account_role', kind: 'text', nullable: true, values: ['administrator', 'controller', 'executor', 'viewer'], exchange: desk, domain: desk },
  accountOrganizationId: { sql: 'account_organization_id', kind: 'text', nullable: true, exchange: desk, domain: desk },
  recording: { sql: 'recording', kind: 'bool', exchange: desk, domain: desk },
  applying: { sql: 'applying', kind: 'bool', exchange: desk, domain: desk },
  lastSeq: { sql: 'last_seq', kind: 'int', exchange: desk, domain: desk },
  hlcWall: { sql: 'hlc_wall', kind: 'int', exchange: desk, domain: desk },
  hlcCounter: { sql: 'hlc_counter', kind: 'int', exchange: desk, domain: desk },
  lastSyncAt: { sql: 'last_sync_at', kind: 'text', nullable: true, exchange: desk, domain: desk },
  lastError: { sql: 'last_error', kind: 'text', nullable: true, exchange: desk, domain: desk },
});

export const syncOutboxTable = defineTable('sync_outbox', {
  seq: { sql: 'seq', kind: 'int', exchange: outbox, domain: outbox },
  opId: { sql: 'op_id', kind: 'text', exchange: outbox, domain: outbox },
  hlc: { sql: 'hlc', kind: 'text', exchange: outbox, domain: outbox },
  kind: { sql: 'kind', kind: 'text', values: ['set', 'event'], exchange: outbox, domain: outbox },
  entity: { sql: 'entity', kind: 'text', exchange: outbox, domain: outbox },
  entityId: { sql: 'entity_id', kind: 'text', exchange: outbox, domain: outbox },
  instructionId: { sql: 'instruction_id', kind: 'text', nullable: true, exchange: outbox, domain: outbox },
  newValues: { sql: 'new_values', kind: 'text', exchange: outbox, domain: outbox },
  oldValues: { sql: 'old_values', kind: 'text', nullable: true, exchange: outbox, domain: outbox },
  sentAt: { sql: 'sent_at', kind: 'text', nullable: true, exchange: outbox, domain: outbox },
  acknowledgedAt: { sql: 'acknowledged_at', kind: 'text', nullable: true, exchange: outbox, domain: outbox },
  serverSeq: { sql: 'server_seq', kind: 'int', nullable: true, exchange: outbox, domain: outbox },
  refused: { sql: 'refused', kind: 'text', nullable: true, exchange: outbox, domain: outbox },
});

export const syncFieldsTable = defineTable('sync_fields', {
  entity: { sql: 'entity', kind: 'text', exchange: clocks, domain: clocks },
  entityId: { sql: 'entity_id', kind: 'text', exchange: clocks, domain: clocks },
  field: { sql: 'field', kind: 'text', exchange: clocks, domain: clocks },
  hlc: { sql: 'hlc', kind: 'text', exchange: clocks, domain: clocks },
});

export const syncHeldTable = defineTable('sync_held', {
  opId: { sql: 'op_id', kind: 'text', exchange: held, domain: held },
  serverSeq: { sql: 'server_seq', kind: 'int', exchange: held, domain: held },
  account: { sql: 'account', kind: 'text', exchange: held, domain: held },
  operation: { sql: 'operation', kind: 'text', exchange: held, domain: held },
  error: { sql: 'error', kind: 'text', exchange: held, domain: held },
});

export const extensionRequestsTable = defineTable('extension_requests', {
  id: { sql: 'id', kind: 'text', exchange: requests },
  instructionId: { sql: 'instruction_id', kind: 'text', exchange: requests },
  newDate: { sql: 'new_date', kind: 'text', exchange: requests },
  reason: { sql: 'reason', kind: 'text', exchange: requests },
  requestedBy: { sql: 'requested_by', kind: 'text', exchange: requests },
  requestedAt: { sql: 'requested_at', kind: 'text', exchange: requests },
  approved: { sql: 'approved', kind: 'bool', nullable: true, exchange: requests },
  decisionReason: { sql: 'decision_reason', kind: 'text', nullable: true, exchange: requests },
  decidedBy: { sql: 'decided_by', kind: 'text', nullable: true, exchange: requests },
  decidedAt: { sql: 'decided_at', kind: 'text', nullable: true, exchange: requests },
});

export type SyncStateRow = RowOf<typeof syncStateTable>;
export type ExtensionRequestRow = RowOf<typeof extensionRequestsTable>;
