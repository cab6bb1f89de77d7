import { electronRuntime } from '../../build/electron-runtime.mjs';

/** Says up front whether this suite runs, and why not. */
export default function globalSetup(): void {
  const runtime = electronRuntime();
  if (runtime.ok) console.log(`Electron suite: running Electron ${runtime.version} from ${runtime.binary}`);
  else console.log(`Electron suite SKIPPED: Electron runtime not available (${runtime.reason}). These tests are reported as skipped, not passed.`);
}
