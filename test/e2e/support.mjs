// Shared by the editor end-to-end runners: build and package the extension, bundle the VS Code suite, copy the
// fixture workspace to a throwaway folder, and the expected results every editor is checked against.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixtureWorkspace = path.join(repoRoot, 'test/e2e/fixtures/workspace');
export const serverBundle = path.join(repoRoot, 'dist/server.js');
/** Expected diagnostics, fixes and outputs for the fixture workspace, shared with the VS Code suite. */
export const expected = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/e2e/fixtures/expected.json'), 'utf8'));

/** Runs a command in the repo, streaming its output; throws with the command line when it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  return result;
}

/** Throwaway directory under the OS temp dir. The name avoids "test"/"fixture" so test-file heuristics stay out. */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `apiguard-${prefix}-`));
}

/** A fresh, writable copy of the fixture workspace in `parentDir` (the tests edit files and create .env). */
export function copyFixtureWorkspace(parentDir) {
  const workspace = path.join(parentDir, 'workspace');
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });
  return workspace;
}

/** Builds dist/ and packages the .vsix exactly as a release would (`npm run package`); returns its path. */
export function packageExtension() {
  const version = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
  const vsix = path.join(repoRoot, `apiguard-${version}.vsix`);
  fs.rmSync(vsix, { force: true });
  run('npm', ['run', '--silent', 'package']);
  if (!fs.existsSync(vsix)) throw new Error(`npm run package did not produce ${vsix}`);
  return vsix;
}

/** Bundles the VS Code suite (TypeScript) into one CommonJS file that an extension host can load. */
export async function bundleVsCodeSuite(outDir) {
  const esbuild = await import('esbuild');
  const outfile = path.join(outDir, 'index.js');
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test/e2e/vscode/suite.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

/** Fails with the reason when a required executable is missing, instead of skipping. */
export function requireExecutable(name, hint) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${name} not found on PATH: ${hint}`);
  return found.stdout.trim();
}
