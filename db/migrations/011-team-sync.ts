// Migration 011: team mode on the desk (issue 13). Every local change becomes an operation in an
// outbox, written by triggers on the tables the register lives in — one place, so that "every
// change" holds for every code path that writes (forms, drags, bulk intake, the exchange merge,
// restores of a card) without each remembering to. The triggers record only while the desk is
// signed in to a team server (`sync_state.recording`) and never while it applies operations it
// pulled (`sync_state.applying`): a desk that was never connected writes nothing new.
//
// sync_state: the one row of this desk's team state (server address, device id, last server
//   sequence, the hybrid clock, the account signed in). The session token is not here: it lives in
//   a file of the data folder, so neither the exchange nor a copied database carries it.
// sync_outbox: operations waiting to be sent (or sent and acknowledged), with the clock of the
//   change, the new values and the values before it (the common state the server compares).
// sync_fields: the clock of the last write of each field here, for last-writer-wins on apply.
// sync_held: pulled operations that cannot apply yet (their meeting or organization has not come),
//   kept and retried after each pull: nothing pulled is lost.
// extension_requests: requests for a later deadline and their decisions, as the team shares them.
//
// The column lists below are written out (not derived from db/schema) because a migration is frozen.

const NOW_MS = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
const NEW_UUID =
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
const RECORDING = '(SELECT recording = 1 AND applying = 0 FROM sync_state WHERE id = 1)';

/** The statements that stamp the clock and append one operation. */
function append(entity: string, kind: 'set' | 'event', entityId: string, instructionId: string, newJson: string, oldJson: string): string {
  return `
  UPDATE sync_state SET hlc_counter = CASE WHEN ${NOW_MS} > hlc_wall THEN 0 ELSE hlc_counter + 1 END, hlc_wall = max(hlc_wall, ${NOW_MS}) WHERE id = 1;
  INSERT INTO sync_outbox (op_id, hlc, kind, entity, entity_id, instruction_id, new_values, old_values)
    SELECT ${NEW_UUID}, printf('%015d-%06d-%s', hlc_wall, hlc_counter, device_id), '${kind}', '${entity}', ${entityId}, ${instructionId}, ${newJson}, ${oldJson}
      FROM sync_state WHERE id = 1;`;
}

function jsonOf(prefix: 'new' | 'old', columns: [string, string, 'bool'?][]): string {
  return `json_object(${columns.map(([field, sql, kind]) => (kind === 'bool' ? `'${field}', json(CASE ${prefix}.${sql} WHEN 1 THEN 'true' ELSE 'false' END)` : `'${field}', ${prefix}.${sql}`)).join(', ')})`;
}

function setTriggers(table: string, entity: string, instructionId: (p: 'new' | 'old') => string, columns: [string, string, 'bool'?][]): string {
  const changed = columns.map(([, sql]) => `old.${sql} IS NOT new.${sql}`).join(' OR ');
  return `
CREATE TRIGGER sync_${table}_insert AFTER INSERT ON ${table} WHEN ${RECORDING} BEGIN${append(entity, 'set', 'new.id', instructionId('new'), jsonOf('new', columns), 'NULL')}
END;
CREATE TRIGGER sync_${table}_update AFTER UPDATE ON ${table} WHEN ${RECORDING} AND (${changed}) BEGIN${append(entity, 'set', 'new.id', instructionId('new'), jsonOf('new', columns), jsonOf('old', columns))}
END;`;
}

const ORGANIZATIONS: [string, string, 'bool'?][] = [
  ['name', 'name'],
  ['shortName', 'short_name'],
  ['country', 'country'],
  ['mergedInto', 'merged_into'],
  ['createdAt', 'created_at'],
];
const PEOPLE: [string, string, 'bool'?][] = [
  ['fullName', 'full_name'],
  ['position', 'position'],
  ['organizationId', 'organization_id'],
  ['mergedInto', 'merged_into'],
  ['createdAt', 'created_at'],
];
const MEETINGS: [string, string, 'bool'?][] = [
  ['title', 'title'],
  ['heldOn', 'held_on'],
  ['place', 'place'],
  ['participants', 'participants'],
  ['protocolNumber', 'protocol_number'],
  ['sourceText', 'source_text'],
  ['isDemo', 'is_demo', 'bool'],
  ['createdAt', 'created_at'],
];
const INSTRUCTIONS: [string, string, 'bool'?][] = [
  ['meetingId', 'meeting_id'],
  ['itemNumber', 'item_number'],
  ['title', 'title'],
  ['body', 'body'],
  ['leadOrgId', 'lead_org_id'],
  ['leadPersonId', 'lead_person_id'],
  ['controllerId', 'controller_id'],
  ['dueDate', 'due_date'],
  ['originalDueDate', 'original_due_date'],
  ['priority', 'priority'],
  ['status', 'status'],
  ['onControl', 'on_control', 'bool'],
  ['rank', 'rank'],
  ['resolution', 'resolution'],
  ['resolvedAt', 'resolved_at'],
  ['archived', 'archived', 'bool'],
  ['isDemo', 'is_demo', 'bool'],
  ['createdAt', 'created_at'],
];
const COEXECUTORS: [string, string, 'bool'?][] = [
  ['instructionId', 'instruction_id'],
  ['organizationId', 'organization_id'],
  ['personId', 'person_id'],
  ['dueDate', 'due_date'],
  ['createdAt', 'created_at'],
];
const TAGS: [string, string, 'bool'?][] = [
  ['code', 'code'],
  ['nameEn', 'name_en'],
  ['nameRu', 'name_ru'],
  ['nameKk', 'name_kk'],
  ['nameKy', 'name_ky'],
];

const TAG_IDS = (id: string) => `json_object('tagIds', (SELECT json_group_array(tag_id) FROM (SELECT tag_id FROM instruction_tags WHERE instruction_id = ${id} ORDER BY tag_id)))`;

export const migration011 = `
CREATE TABLE sync_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  device_id    TEXT NOT NULL,
  server_url   TEXT,
  account_login TEXT,
  account_role TEXT CHECK (account_role IN ('administrator', 'controller', 'executor', 'viewer')),
  account_organization_id TEXT,
  recording    INTEGER NOT NULL DEFAULT 0 CHECK (recording IN (0, 1)),
  applying     INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1)),
  last_seq     INTEGER NOT NULL DEFAULT 0,
  hlc_wall     INTEGER NOT NULL DEFAULT 0,
  hlc_counter  INTEGER NOT NULL DEFAULT 0,
  last_sync_at TEXT,
  last_error   TEXT
);
INSERT INTO sync_state (id, device_id) VALUES (1, lower(hex(randomblob(8))));

CREATE TABLE sync_outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  op_id           TEXT NOT NULL UNIQUE,
  hlc             TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('set', 'event')),
  entity          TEXT NOT NULL,
  entity_id       TEXT NOT NULL,
  instruction_id  TEXT,
  new_values      TEXT NOT NULL,
  old_values      TEXT,
  sent_at         TEXT,
  acknowledged_at TEXT,
  server_seq      INTEGER,
  refused         TEXT
);
CREATE INDEX sync_outbox_waiting ON sync_outbox(acknowledged_at, seq);

CREATE TABLE sync_fields (
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field     TEXT NOT NULL,
  hlc       TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id, field)
) WITHOUT ROWID;

CREATE TABLE sync_held (
  op_id      TEXT PRIMARY KEY NOT NULL,
  server_seq INTEGER NOT NULL,
  account    TEXT NOT NULL,
  operation  TEXT NOT NULL,
  error      TEXT NOT NULL
);

CREATE TABLE extension_requests (
  id              TEXT PRIMARY KEY NOT NULL,
  instruction_id  TEXT NOT NULL REFERENCES instructions(id) ON DELETE CASCADE,
  new_date        TEXT NOT NULL,
  reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  requested_by    TEXT NOT NULL,
  requested_at    TEXT NOT NULL,
  approved        INTEGER CHECK (approved IN (0, 1)),
  decision_reason TEXT,
  decided_by      TEXT,
  decided_at      TEXT
);
CREATE INDEX extension_requests_instruction ON extension_requests(instruction_id);
${setTriggers('organizations', 'organization', () => 'NULL', ORGANIZATIONS)}
${setTriggers('people', 'person', () => 'NULL', PEOPLE)}
${setTriggers('meetings', 'meeting', () => 'NULL', MEETINGS)}
${setTriggers('instructions', 'instruction', (p) => `${p}.id`, INSTRUCTIONS)}
${setTriggers('coexecutors', 'coexecutor', (p) => `${p}.instruction_id`, COEXECUTORS)}
${setTriggers('tags', 'topic', () => 'NULL', TAGS)}
CREATE TRIGGER sync_coexecutors_delete AFTER DELETE ON coexecutors WHEN ${RECORDING} BEGIN${append('coexecutor', 'set', 'old.id', 'old.instruction_id', "json_object('removed', json('true'))", "json_object('removed', json('false'))")}
END;
CREATE TRIGGER sync_instruction_tags_insert AFTER INSERT ON instruction_tags WHEN ${RECORDING} BEGIN${append('instruction', 'set', 'new.instruction_id', 'new.instruction_id', TAG_IDS('new.instruction_id'), 'NULL')}
END;
CREATE TRIGGER sync_instruction_tags_delete AFTER DELETE ON instruction_tags WHEN ${RECORDING} BEGIN${append('instruction', 'set', 'old.instruction_id', 'old.instruction_id', TAG_IDS('old.instruction_id'), 'NULL')}
END;
CREATE TRIGGER sync_reports_insert AFTER INSERT ON reports WHEN ${RECORDING} BEGIN${append(
  'report',
  'event',
  'new.id',
  'new.instruction_id',
  "json_object('kind', new.kind, 'body', new.body, 'submittedAt', new.submitted_at)",
  'NULL',
)}
END;
CREATE TRIGGER sync_history_insert AFTER INSERT ON history WHEN ${RECORDING} AND new.instruction_id IS NOT NULL AND new.field <> 'rank' BEGIN${append(
  'history',
  'event',
  'new.uid',
  'new.instruction_id',
  "json_object('entity', new.entity, 'entityId', new.entity_id, 'field', new.field, 'oldValue', new.old_value, 'newValue', new.new_value, 'note', new.note, 'at', new.at)",
  'NULL',
)}
END;
`;
