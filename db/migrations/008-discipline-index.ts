// Migration 9: the execution-discipline figures (issue 11, db/discipline.ts) read every instruction
// of a period by its deadline in force. This index holds, in (archived, deadline, lead organization)
// order, every column their sums read, so the figures over 100,000 instructions are one pass over
// the index, without reading the table's wide rows (titles, texts). No data
// changes.

export const migration008 = `
CREATE INDEX instructions_discipline ON instructions(archived, due_date, lead_org_id, status, resolved_at, original_due_date, extension_count);
`;
