// `npm run bench -- intake`: the readout corpus (tests/fixtures/intake/corpus) through today's
// extractor. Prints a table for the reader (stderr) and the figures as JSON lines (stdout), overall
// and per language: recall, precision, candidates on texts without instructions, lead accuracy,
// deadline and meeting-date accuracy, and the same for the tuning half (odd-numbered texts) and the
// held-out half (even-numbered ones). The figures have no measured baseline: their `note` gives
// issue 12's goal instead.
import { CORPUS_HALVES, corpusHalf, measureCorpus, type CorpusLanguage, type Figures, type Ratio } from '../support/intake-corpus';
import { emit } from './report';

const pct = (r: Ratio): string => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)} % (${r.hit}/${r.of})`);

function row(name: string, f: Figures): string[] {
  return [
    name,
    String(f.texts),
    String(f.items),
    String(f.candidates),
    pct(f.recall),
    pct(f.precision),
    `${f.noInstructionCandidates} on ${f.noInstructionTextsWithCandidates}/${f.noInstructionTexts}`,
    pct(f.lead),
    pct(f.deadline),
    String(f.inventedDeadlines),
    pct(f.meetingDate),
    String(f.inventedMeetingDates),
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}

function emitFigures(scope: string, f: Figures): void {
  // A share with nothing to count (no candidate at all, no matched item naming a lead) is left out
  // rather than printed as 0 %.
  const share = (name: string, r: Ratio, note: string): void => {
    if (r.value !== null) emit(`intake.corpus.${scope}.${name}`, r.value * 100, '%', null, note);
  };
  share('recall', f.recall, `items matched ${f.recall.hit}/${f.recall.of}; issue 12 goal ≥ 85 %`);
  share('precision', f.precision, `candidates matched ${f.precision.hit}/${f.precision.of}; issue 12 goal ≥ 90 %`);
  emit(`intake.corpus.${scope}.no_instruction_candidates`, f.noInstructionCandidates, 'candidates', null, `on ${f.noInstructionTexts} texts without instructions; issue 12 goal 0`);
  share('lead_accuracy', f.lead, `matched items naming a lead ${f.lead.hit}/${f.lead.of}; issue 12 goal ≥ 80 %`);
  share('deadline_accuracy', f.deadline, `matched items with a deadline ${f.deadline.hit}/${f.deadline.of}; ${f.inventedDeadlines} given one the text does not state`);
  share('meeting_date_accuracy', f.meetingDate, `texts with a meeting date ${f.meetingDate.hit}/${f.meetingDate.of}; ${f.inventedMeetingDates} texts stating none given one`);
}

export async function benchCorpus(): Promise<void> {
  const { results, overall, byLanguage, byHalf } = await measureCorpus();
  const langs = Object.keys(byLanguage) as CorpusLanguage[];
  const header = ['', 'texts', 'items', 'candidates', 'recall', 'precision', 'on no-instruction texts', 'lead right', 'deadline right', 'invented due', 'meeting date right', 'invented meeting date'];
  console.error(table([header, row('all', overall), ...langs.map((l) => row(l, byLanguage[l])), ...CORPUS_HALVES.map((h) => row(h, byHalf[h]))]));
  console.error('tuning: the texts numbered odd (ru-01, en-03, …); held-out: those numbered even.');
  if (process.env.CORPUS_DETAIL) {
    // `CORPUS_DETAIL=1` shows the tuning half only, so that the held-out half stays unread while
    // the rules are written; `CORPUS_DETAIL=all` shows every text.
    for (const r of results.filter((x) => process.env.CORPUS_DETAIL === 'all' || corpusHalf(x.entry) === 'tuning')) {
      console.error(`\n${r.entry.file}  (meeting ${r.heldOn ?? '—'}, expected ${r.entry.meetingDate ?? '—'})`);
      for (const p of r.pairs) console.error(`  ✓ ${p.item.text}\n      ← ${p.candidate.title} [lead ${p.candidate.lead ?? '—'}, due ${p.candidate.dueDate ?? '—'}]`);
      for (const i of r.missed) console.error(`  ✗ missed: ${i.text}`);
      for (const c of r.extra) console.error(`  + extra: ${c.title} [lead ${c.lead ?? '—'}, due ${c.dueDate ?? '—'}]`);
    }
  }
  emitFigures('all', overall);
  for (const l of langs) emitFigures(l, byLanguage[l]);
  for (const h of CORPUS_HALVES) emitFigures(h, byHalf[h]);
}
