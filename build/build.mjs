// Builds everything `npm start` runs: the renderer (Vite) and the node bundles (esbuild) for
// Electron's main and preload and for the browser-mode server. Output goes to dist/.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractChannels } from './contract-channels.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: quiet ? 'warning' : 'info',
  // better-sqlite3 is a native addon loaded at run time; electron is provided by the runtime.
  external: ['electron', 'better-sqlite3'],
  define: { 'process.env.MINISTRY_TRACKER_VERSION': JSON.stringify(pkg.version) },
};

async function main() {
  const started = Date.now();
  const channels = await contractChannels();
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  await Promise.all([
    esbuild({ ...common, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: path.join(root, 'dist/electron/main.cjs') }),
    // The preload runs sandboxed: one self-contained file that may only require 'electron'.
    esbuild({ ...common, platform: 'browser', target: 'chrome130', entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(root, 'dist/electron/preload.cjs'), define: { __MINISTRY_CHANNELS__: JSON.stringify(channels) } }),
    esbuild({ ...common, entryPoints: [path.join(root, 'electron/server/cli.ts')], outfile: path.join(root, 'dist/server/cli.cjs') }),
    // The export worker (worker_threads), next to each process that starts it.
    ...['electron', 'server'].map((dir) =>
      esbuild({ ...common, entryPoints: [path.join(root, 'electron/services/reports/worker.ts')], outfile: path.join(root, `dist/${dir}/report-worker.cjs`) }),
    ),
    // The readout worker: a pasted readout is parsed off the main thread.
    ...['electron', 'server'].map((dir) =>
      esbuild({ ...common, entryPoints: [path.join(root, 'electron/services/intake/readout/worker.ts')], outfile: path.join(root, `dist/${dir}/readout-worker.cjs`) }),
    ),
    // The protocol worker: a protocol file (DOCX, PDF) is read off the main thread.
    ...['electron', 'server'].map((dir) =>
      esbuild({ ...common, entryPoints: [path.join(root, 'electron/services/intake/protocol/worker.ts')], outfile: path.join(root, `dist/${dir}/protocol-worker.cjs`) }),
    ),
    // The check on open, in a thread the start can stop when it takes too long.
    ...['electron', 'server'].map((dir) =>
      esbuild({ ...common, entryPoints: [path.join(root, 'db/check-worker.ts')], outfile: path.join(root, `dist/${dir}/check-worker.cjs`) }),
    ),
  ]);
  if (!quiet) console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
