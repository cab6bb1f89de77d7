// `npm run bench`: every benchmark, each printing JSON lines
// {"metric", "value", "unit", "baseline", "ratio"} with its baseline measured in the same run.
// `npm run bench -- <name>` runs the suites whose name starts with <name>; a suite marked `named`
// runs only when asked for by name (`npm run bench -- intake`: the readout corpus, a measure of the
// extractor's quality rather than of speed).
import { benchStore } from './db.bench';
import { benchUi } from './ui.bench';
import { benchIntake } from './intake.bench';
import { benchExport } from './export.bench';
import { benchCorpus } from './corpus.bench';
import { benchTeam } from './team.bench';
import { benchDiscipline } from './discipline.bench';

const only = process.argv[2];

async function main(): Promise<void> {
  const suites: [string, () => Promise<void>, 'named'?][] = [
    ['db', benchStore],
    ['discipline', benchDiscipline],
    ['ui', benchUi],
    ['import', benchIntake],
    ['export', benchExport],
    ['intake', benchCorpus, 'named'],
    ['team', benchTeam],
  ];
  for (const [name, run, named] of suites) {
    if (only ? !name.startsWith(only) : named) continue;
    await run();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
