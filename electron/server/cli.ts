// Browser mode: the app core behind the loopback server, for machines where the Electron runtime
// is not available and for the end-to-end tests. Ctrl+C stops it and closes the database.
import path from 'node:path';
import { startAppCore } from '../services/app';
import { resolveDataDir } from '../services/paths';
import { APP_VERSION } from '../services/version';
import { StoreError } from '../../db/errors';
import { startLoopbackServer } from './server';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  const port = Number(option(argv, '--port') ?? process.env.MINISTRY_TRACKER_PORT ?? 0);
  const staticDir = option(argv, '--static-dir') ?? path.join(__dirname, '..', 'renderer');
  const locale = Intl.DateTimeFormat().resolvedOptions().locale;
  const core = await startAppCore({
    dataDir,
    version: APP_VERSION,
    preferredLanguages: [process.env.LC_ALL, process.env.LANG, locale].filter((l): l is string => Boolean(l)),
    reportWorker: path.join(__dirname, 'report-worker.cjs'),
    readoutWorker: path.join(__dirname, 'readout-worker.cjs'),
    protocolWorker: path.join(__dirname, 'protocol-worker.cjs'),
    checkWorker: path.join(__dirname, 'check-worker.cjs'),
  });
  const server = await startLoopbackServer({ handlers: core.handlers, staticDir, port, uploads: core.uploads, restoreUploads: core.restoreUploads,
    downloads: (id) => core.reports.file(id),
    attachmentUploads: core.attachmentUploads,
    attachments: (id) => {
      const { attachment, path: file } = core.attachmentFile(id);
      return { path: file, fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size };
    },
  });

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await server.close();
    const report = core.close();
    if (report.message !== null) console.log(`Stopped. ${report.message}`);
    else console.log('Stopped. The database was closed cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (argv.includes('--json')) {
    console.log(JSON.stringify({ url: server.url, openUrl: server.openUrl, token: server.token, port: server.port, dataDir }));
  } else {
    console.log(`Data folder: ${dataDir}`);
    console.log(`Open the app in your browser: ${server.openUrl}`);
    console.log('Press Ctrl+C to stop.');
  }
}

main().catch((err: unknown) => {
  if (err instanceof StoreError && err.code === 'store_locked' && err.params) {
    const { pid, host, since, file } = err.params;
    console.error(`Cannot start: the data file ${String(file)} is already open in process ${String(pid)} on ${String(host)} since ${String(since)}; close that copy first.`);
  } else if (err instanceof StoreError) console.error(`Cannot start: ${err.message}`);
  // No raw SQLite message or stack reaches the official; the details go to the log line only.
  else console.error('Cannot start: an unexpected error; nothing was changed.', err instanceof Error ? err.message.split('\n')[0] : '');
  process.exit(1);
});
