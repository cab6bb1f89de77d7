// `npm run bench`: every benchmark, each printing JSON lines
// {"metric", "value", "unit", "baseline", "ratio"} with its baseline measured in the same run.
import { benchStore } from './db.bench';
import { benchUi } from './ui.bench';
import { benchIntake } from './intake.bench';
import { benchExport } from './export.bench';

const only = process.argv[2];

async function main(): Promise<void> {
  const suites: [string, () => Promise<void>][] = [
    ['db', benchStore],
    ['ui', benchUi],
    ['import', benchIntake],
    ['export', benchExport],
  ];
  for (const [name, run] of suites) {
    if (only && !name.startsWith(only)) continue;
    await run();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
