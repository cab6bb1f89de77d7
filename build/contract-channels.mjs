// The contract's channel names, read by evaluating the contract once (bundled by esbuild, with
// `require` forbidden: the contract must need nothing at run time). The build writes them into the
// preload; the unit tests' Vitest config defines them the same way.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function contractChannels() {
  const out = await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    entryPoints: [path.join(root, 'electron/api/contract.ts')],
    write: false,
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, () => {
    throw new Error('the contract must not require anything at run time');
  });
  return module.exports.CHANNELS;
}
