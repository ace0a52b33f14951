#!/usr/bin/env node
// `npm run test:vscode`: the same suite (test/e2e/vscode/suite.ts) in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (this one cannot: use `npm run test:e2e`, which runs it in code-server).
// Like the code-server runner it tests the PACKAGED extension: `npm run package`, install the .vsix with VS Code's
// CLI into a throwaway extensions dir, and load that installed folder as the extension under test.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { bundleVsCodeSuite, copyFixtureWorkspace, makeTempDir, packageExtension, repoRoot } from '../support.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
try {
  const vsix = packageExtension();
  // The oldest VS Code the manifest supports: the suite must pass there, not only on the newest.
  const version = process.env.VSCODE_TEST_VERSION ?? manifest.engines.vscode.replace(/^[\^~]/, '');
  const vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(repoRoot, '.vscode-test') });
  const tmp = makeTempDir('electron');
  const installedExtensions = path.join(tmp, 'installed-extensions');
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
  const install = spawnSync(cli, [...cliArgs, '--install-extension', vsix, '--extensions-dir', installedExtensions], { encoding: 'utf8', stdio: 'inherit' });
  if (install.status !== 0) throw new Error(`VS Code CLI --install-extension failed with ${install.status}`);
  const installedExtension = path.join(installedExtensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  if (!fs.existsSync(path.join(installedExtension, 'package.json'))) throw new Error(`the .vsix did not install to ${installedExtension}`);
  const suite = await bundleVsCodeSuite(path.join(tmp, 'suite'));
  const workspace = copyFixtureWorkspace(tmp);
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: installedExtension,
    extensionTestsPath: suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions')],
  });
  fs.rmSync(tmp, { recursive: true, force: true });
} catch (error) {
  console.error(`[test:vscode] FAILED: ${error.stack ?? error.message}`);
  process.exit(1);
}
