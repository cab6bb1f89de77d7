import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Ministry Action Tracker';
export const DATA_DIR_ENV = 'MINISTRY_TRACKER_DATA_DIR';

/** The platform's app-data folder, the same one Electron's `app.getPath('userData')` names. */
export function platformDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_NAME);
}

/** `--data-dir DIR` (or `--data-dir=DIR`) wins, then the environment variable, then the platform folder. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, fallback?: () => string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1] as string);
    if (arg.startsWith('--data-dir=')) return path.resolve(arg.slice('--data-dir='.length));
  }
  if (env[DATA_DIR_ENV]) return path.resolve(env[DATA_DIR_ENV] as string);
  return fallback ? fallback() : platformDataDir(env);
}
