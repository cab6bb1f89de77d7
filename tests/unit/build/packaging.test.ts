import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
// electron-builder's own validation, against the schema it ships (no network, no packaging).
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const logger = { isEnabled: false, add() {} };
const config = JSON.parse(fs.readFileSync(path.join(root, 'build/electron-builder.json'), 'utf8'));

describe('packaging configuration', () => {
  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, logger)).rejects.toThrow(/configuration/);
  });

  it('targets Linux AppImage and deb, Windows NSIS and macOS dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('turns off RunAsNode, NODE_OPTIONS and inspect flags, and checks the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('keeps better-sqlite3 out of the asar and ships its Electron build, without rebuilding node_modules', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.extraResources).toContainEqual({ from: 'dist/native', to: 'native', filter: ['better_sqlite3.node'] });
    expect(config.npmRebuild).toBe(false);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.scripts.dist).toBeDefined();
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);
  });
});
