// Every role against every kind of change, on a real team server over real PostgreSQL: what each
// role may do is applied and pulled by the others; what it may not (including forged operations:
// an executor moving a deadline or touching another ministry's instruction) is refused with its
// reason, written in the audit, and never reaches another desk.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../../db/sync/index';
import { startTeam, type Desk, type TeamWorld } from '../../support/team';

let team: TeamWorld;
let admin: Desk, controller: Desk, executorA: Desk, executorB: Desk, viewer: Desk;
const ORG_A = 'org-a';
const ORG_B = 'org-b';
const ORG_C = 'org-c';
const ours = randomUUID(); // led by A
const theirs = randomUUID(); // led by B, co-executed by C

async function expectApplied(desk: Desk, op: Operation): Promise<void> {
  const r = await desk.push([op]);
  expect(r.status).toBe(200);
  expect(r.body.results[0], JSON.stringify(r.body.results[0])).toMatchObject({ id: op.id, status: 'applied' });
}

async function expectRefused(desk: Desk, op: Operation, code: string): Promise<void> {
  const r = await desk.push([op]);
  expect(r.status).toBe(200);
  expect(r.body.results[0]).toMatchObject({ id: op.id, status: 'refused', code });
  // Kept in the audit with the reason, never in the operations anyone pulls.
  const audit = await team.query<{ accepted: boolean; reason: string; device: string }>('SELECT accepted, reason, device FROM audit WHERE op_id = $1', [op.id]);
  expect(audit).toEqual([expect.objectContaining({ accepted: false, reason: expect.stringContaining(code) })]);
  for (const other of [controller, viewer]) {
    const pulled = await other.pull(0);
    expect(pulled.operations.map((o) => o.op.id)).not.toContain(op.id);
  }
}

beforeAll(async () => {
  team = await startTeam();
  await team.account('admin', 'administrator');
  await team.account('control', 'controller');
  await team.account('exec-a', 'executor', ORG_A);
  await team.account('exec-b', 'executor', ORG_B);
  await team.account('reader', 'viewer');
  [admin, controller, executorA, executorB, viewer] = (await Promise.all(['admin', 'control', 'exec-a', 'exec-b', 'reader'].map((l) => team.signIn(l)))) as [Desk, Desk, Desk, Desk, Desk];
  for (const [id, name] of [
    [ORG_A, 'Ministry of Energy'],
    [ORG_B, 'Ministry of Transport'],
    [ORG_C, 'Customs Service'],
  ] as const) {
    await expectApplied(admin, admin.set('organization', id, null, { name, shortName: null, country: 'KG', mergedInto: null, createdAt: '2026-01-01T00:00:00Z' }));
  }
  const create = (id: string, lead: string) =>
    controller.set('instruction', id, id, { title: `Instruction led by ${lead}`, body: 'Text', leadOrgId: lead, dueDate: '2026-06-30', status: 'assigned', priority: 'normal', onControl: true, createdAt: '2026-01-02T00:00:00Z' });
  await expectApplied(controller, create(ours, ORG_A));
  await expectApplied(controller, create(theirs, ORG_B));
  await expectApplied(controller, controller.set('coexecutor', randomUUID(), theirs, { instructionId: theirs, organizationId: ORG_C, personId: null, dueDate: null, createdAt: '2026-01-02T00:00:00Z' }));
});

describe('the directory', () => {
  it('organizations: the administrator only', async () => {
    await expectApplied(admin, admin.set('organization', ORG_A, null, { name: 'Ministry of Energy of the Kyrgyz Republic' }));
    for (const [desk, code] of [
      [controller, 'administratorOnly'],
      [executorA, 'administratorOnly'],
      [viewer, 'readOnly'],
    ] as const) {
      await expectRefused(desk, desk.set('organization', ORG_A, null, { name: 'Forged' }), code);
    }
  });

  it('people, topics and meetings: an administrator or a controller', async () => {
    for (const desk of [admin, controller]) {
      await expectApplied(desk, desk.set('person', randomUUID(), null, { fullName: 'A. Official', createdAt: '2026-01-01T00:00:00Z' }));
    }
    await expectApplied(controller, controller.set('meeting', randomUUID(), null, { title: 'Meeting of the heads of government', createdAt: '2026-01-01T00:00:00Z' }));
    await expectApplied(controller, controller.set('topic', randomUUID(), null, { code: 'energy', nameEn: 'Energy', nameRu: 'Энергетика', nameKk: 'Энергетика', nameKy: 'Энергетика' }));
    await expectRefused(executorA, executorA.set('person', randomUUID(), null, { fullName: 'Forged' }), 'controllerOnly');
    await expectRefused(executorA, executorA.set('meeting', randomUUID(), null, { title: 'Forged' }), 'controllerOnly');
    await expectRefused(executorA, executorA.set('topic', randomUUID(), null, { code: 'forged' }), 'controllerOnly');
    await expectRefused(viewer, viewer.set('meeting', randomUUID(), null, { title: 'Forged' }), 'readOnly');
  });
});

describe('instructions', () => {
  it('only a controller creates one', async () => {
    const id = randomUUID();
    const fields = { title: 'New', leadOrgId: ORG_C, createdAt: '2026-01-03T00:00:00Z' };
    await expectRefused(executorA, executorA.set('instruction', id, id, fields), 'controllerOnly');
    await expectRefused(admin, admin.set('instruction', id, id, fields), 'controllerOnly');
    await expectRefused(viewer, viewer.set('instruction', id, id, fields), 'readOnly');
    await expectApplied(controller, controller.set('instruction', id, id, fields));
  });

  it('a controller edits plain fields; an executor only moves its own instruction through the work', async () => {
    await expectApplied(controller, controller.set('instruction', ours, ours, { title: 'Electricity transit: the agreement' }));
    await expectRefused(executorA, executorA.set('instruction', ours, ours, { title: 'Forged title' }), 'executorField');
    await expectRefused(executorA, executorA.set('instruction', ours, ours, { leadOrgId: ORG_B }), 'executorField');
    await expectApplied(executorA, executorA.set('instruction', ours, ours, { status: 'in_progress' }));
  });

  it('an executor cannot touch another ministry’s instruction', async () => {
    await expectRefused(executorA, executorA.set('instruction', theirs, theirs, { status: 'in_progress' }), 'notYourInstruction');
    await expectRefused(executorA, executorA.event('report', theirs, { kind: 'interim', body: 'Forged report', submittedAt: '2026-02-01T00:00:00Z' }), 'notYourInstruction');
    await expectRefused(executorA, executorA.event('extensionRequest', theirs, { newDate: '2026-12-31', reason: 'Forged', requestedAt: '2026-02-01T00:00:00Z' }), 'notYourInstruction');
  });

  it('nobody moves a deadline directly: neither a forged executor operation nor a controller', async () => {
    await expectRefused(executorA, executorA.set('instruction', ours, ours, { dueDate: '2027-01-31' }), 'deadlineOnlyByExtension');
    await expectRefused(controller, controller.set('instruction', ours, ours, { dueDate: '2027-01-31' }), 'deadlineOnlyByExtension');
    const due = await team.query<{ value: string }>("SELECT value #>> '{}' AS value FROM field_state WHERE entity = 'instruction' AND entity_id = $1 AND field = 'dueDate'", [ours]);
    expect(due).toEqual([{ value: '2026-06-30' }]);
  });

  it('only a controller resolves, and only with a final report', async () => {
    await expectRefused(executorA, executorA.set('instruction', ours, ours, { status: 'resolved', resolution: 'Done' }), 'controllerOnly');
    await expectRefused(executorA, executorA.event('report', ours, { kind: 'final', body: 'Done', submittedAt: '2026-02-01T00:00:00Z' }), 'controllerOnly');
    await expectRefused(controller, controller.set('instruction', theirs, theirs, { status: 'resolved' }), 'finalReportRequired');
  });

  it('report submitted needs a report first; the executor files one and moves on', async () => {
    await expectRefused(executorA, executorA.set('instruction', ours, ours, { status: 'report_submitted' }), 'reportRequired');
    await expectApplied(executorA, executorA.event('report', ours, { kind: 'interim', body: 'The draft agreement is with the ministry of justice.', submittedAt: '2026-02-01T00:00:00Z' }));
    await expectApplied(executorA, executorA.set('instruction', ours, ours, { status: 'report_submitted' }));
    await expectRefused(viewer, viewer.event('report', ours, { kind: 'interim', body: 'Forged', submittedAt: '2026-02-01T00:00:00Z' }), 'readOnly');
  });

  it('co-executors: a controller assigns them', async () => {
    await expectRefused(executorA, executorA.set('coexecutor', randomUUID(), ours, { instructionId: ours, organizationId: ORG_A }), 'controllerOnly');
    await expectApplied(controller, controller.set('coexecutor', randomUUID(), ours, { instructionId: ours, organizationId: ORG_C, createdAt: '2026-01-05T00:00:00Z' }));
  });

  it('a deadline moves through an extension request a controller approves; the request, decision and reason are kept and counted', async () => {
    const request = executorA.event('extensionRequest', ours, { newDate: '2026-09-30', reason: 'The partner ministry asked for a second round of talks.', requestedAt: '2026-03-01T00:00:00Z' });
    await expectApplied(executorA, request);
    const decide = (desk: Desk, approved: boolean) =>
      desk.event('extensionDecision', ours, { requestId: request.entityId, approved, newDate: '2026-09-30', reason: 'Agreed at the meeting of 3 March.', decidedAt: '2026-03-03T00:00:00Z' });
    await expectRefused(executorA, decide(executorA, true), 'controllerOnly');
    await expectRefused(viewer, decide(viewer, true), 'readOnly');
    await expectRefused(controller, controller.event('extensionDecision', ours, { requestId: randomUUID(), approved: true, newDate: '2026-09-30', reason: 'x', decidedAt: '2026-03-03T00:00:00Z' }), 'unknownRequest');
    await expectApplied(controller, decide(controller, true));
    await expectRefused(controller, decide(controller, false), 'alreadyDecided');
    const due = await team.query<{ value: string }>("SELECT value #>> '{}' AS value FROM field_state WHERE entity = 'instruction' AND entity_id = $1 AND field = 'dueDate'", [ours]);
    expect(due).toEqual([{ value: '2026-09-30' }]);
    const kept = await team.query('SELECT new_date, reason, approved, decision_reason FROM extension_requests WHERE instruction_id = $1', [ours]);
    expect(kept).toEqual([{ new_date: '2026-09-30', reason: 'The partner ministry asked for a second round of talks.', approved: true, decision_reason: 'Agreed at the meeting of 3 March.' }]);
    // The desks learn the new deadline from the decision itself.
    const pulled = await executorA.pull(0);
    expect(pulled.operations.map((o) => o.op.id)).toContain(request.id);
    expect(pulled.operations.some((o) => o.op.type === 'event' && o.op.event === 'extensionDecision' && o.op.data.approved === true)).toBe(true);
  });

  it('a controller reopens and resolves with the final report', async () => {
    await expectApplied(controller, controller.event('report', theirs, { kind: 'final', body: 'Signed on 1 April.', submittedAt: '2026-04-01T00:00:00Z' }));
    await expectApplied(controller, controller.set('instruction', theirs, theirs, { status: 'resolved', resolution: 'Signed on 1 April.', resolvedAt: '2026-04-01T00:00:00Z', onControl: false }));
  });
});

describe('what each desk pulls', () => {
  it('an executor pulls the directory and the instructions its organization leads or co-executes, nothing else', async () => {
    const a = await executorA.pull(0);
    const instructions = new Set(a.operations.map((o) => o.op.instructionId).filter((x) => x !== null));
    expect(instructions).toEqual(new Set([ours]));
    expect(a.operations.some((o) => o.op.type === 'set' && o.op.entity === 'organization')).toBe(true);
    const b = await executorB.pull(0);
    expect(new Set(b.operations.map((o) => o.op.instructionId).filter((x) => x !== null))).toEqual(new Set([theirs]));
    const all = await viewer.pull(0);
    expect(new Set(all.operations.map((o) => o.op.instructionId).filter((x) => x !== null))).toEqual(new Set([ours, theirs, ...(await team.query<{ id: string }>("SELECT DISTINCT instruction_id AS id FROM operations WHERE instruction_id IS NOT NULL")).map((r) => r.id)]));
  });

  it('an executor assigned later receives the instruction’s earlier operations on its next pull', async () => {
    const before = await executorA.pull(0);
    expect(before.operations.some((o) => o.op.instructionId === theirs)).toBe(false);
    await expectApplied(controller, controller.set('coexecutor', randomUUID(), theirs, { instructionId: theirs, organizationId: ORG_A, createdAt: '2026-05-01T00:00:00Z' }));
    const after = await executorA.pull(before.lastSeq);
    const got = after.operations.filter((o) => o.op.instructionId === theirs);
    // Its creation (made long before) comes with it.
    expect(got.some((o) => o.op.type === 'set' && o.op.entity === 'instruction' && typeof o.op.fields.title === 'string')).toBe(true);
  });

  it('a signed-out or revoked device pulls nothing', async () => {
    const desk = await team.signIn('exec-b', 'second laptop');
    const sessions = await desk.request('GET', '/sessions');
    expect(sessions.body.sessions.map((s) => s.deviceName)).toEqual(expect.arrayContaining(['exec-b-desk', 'second laptop']));
    const mine = sessions.body.sessions.find((s) => s.current) as { id: string };
    const other = await executorA.request('DELETE', `/sessions/${mine.id}`);
    expect(other.status).toBe(404);
    expect((await admin.request('DELETE', `/sessions/${mine.id}`)).status).toBe(200);
    const r = await desk.request('GET', '/pull?after=0');
    expect(r).toEqual({ status: 401, body: { error: { code: 'sessionEnded', message: 'This session has ended: sign in again.' } } });
  });
});
