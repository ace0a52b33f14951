// End-to-end checks of the packaged extension inside a real VS Code extension host. Loaded as
// `extensionTestsPath` by @vscode/test-electron (npm run test:vscode, where VS Code can be downloaded) and by
// test/e2e/run-code-server.mjs (code-server's extension host, offline). The workspace is a fresh copy of
// test/e2e/fixtures/workspace; expectations come from test/e2e/fixtures/expected.json, shared with the Neovim and
// Emacs tests.
//
// The checks share one extension host (start-up dominates) and run in order, each building on the previous
// state, with a tiny harness instead of mocha: run() resolves when all pass and rejects with every failure.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import expected from '../fixtures/expected.json';
import type { ApiGuardExtensionApi } from '../../../client/extension';

const EXTENSION_ID = 'apiguard.apiguard';
const TIMEOUT_MS = 60_000;

type Check = { name: string; body: () => Promise<void> };
const checks: Check[] = [];
function check(name: string, body: () => Promise<void>): void {
  checks.push({ name, body });
}

export async function run(): Promise<void> {
  let passed = 0;
  for (const { name, body } of checks) {
    const started = Date.now();
    try {
      await withTimeout(body(), TIMEOUT_MS, name);
      passed += 1;
      console.log(`  ok ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      console.error(`  FAILED ${name} (${Date.now() - started} ms)\n${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      // Later checks build on this one's state; running them would only add noise.
      throw new Error(`${passed}/${checks.length} checks passed; failed: ${name}`);
    }
  }
  console.log(`${passed}/${checks.length} checks passed`);
}

// --- state shared by the checks, in order ---
let api: ApiGuardExtensionApi;
let document: vscode.TextDocument;
const workspaceRoot = (): string => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the fixture workspace as a folder');
  return folder.uri.fsPath;
};
const fixtureUri = (): vscode.Uri => vscode.Uri.file(path.join(workspaceRoot(), expected.file));

check('runs the packaged extension (bundled dist/, no sources or node_modules)', async () => {
  const extension = vscode.extensions.getExtension<ApiGuardExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this extension host`);
  const root = extension.extensionPath;
  assert.ok(fs.existsSync(path.join(root, 'dist', 'client.js')), 'dist/client.js missing from the extension');
  assert.ok(fs.existsSync(path.join(root, 'dist', 'server.js')), 'dist/server.js missing from the extension');
  // A development folder would have these; the packaged .vsix must not, or we are not testing the artifact.
  for (const unexpected of ['node_modules', 'client', 'server', 'test']) {
    assert.ok(!fs.existsSync(path.join(root, unexpected)), `${unexpected}/ should not ship in the .vsix (extension at ${root})`);
  }
  // Whether it is already active cannot be asserted: the workbench creates JSON models (settings) at start-up,
  // which fires onLanguage:json. The TypeScript trigger is checked in the manifest and by the next check.
  assert.ok((extension.packageJSON.activationEvents as string[]).includes('onLanguage:typescript'));
});

check('activates when a TypeScript file opens', async () => {
  document = await vscode.workspace.openTextDocument(fixtureUri());
  await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, 'typescript');
  const extension = vscode.extensions.getExtension<ApiGuardExtensionApi>(EXTENSION_ID)!;
  await waitFor('extension activation', () => extension.isActive);
  api = extension.exports;
  await api.ready();
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes('apiguard.showReport'), 'apiguard.showReport is not registered');
  assert.ok(commands.includes('apiguard.restartServer'), 'apiguard.restartServer is not registered');
});

check('shows the fixture diagnostics with exact ranges, codes, severities and messages', async () => {
  const actual = await waitForDiagnostics(fixtureUri(), (d) => d.length === expected.diagnostics.length);
  assert.deepEqual(actual.map(describeDiagnostic), expected.diagnostics);
  for (const diagnostic of actual) {
    assert.equal(diagnostic.source, 'apiguard');
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.ok(code.target.toString().includes(code.value), `diagnostic links to its rule page: ${code.target}`);
  }
});

check('a doc link opens the page, rendered: the diagnostic\'s code link and "Show documentation for <rule>"', async () => {
  const [diagnostic] = await waitForDiagnostics(fixtureUri(), (d) => d.length === expected.diagnostics.length);
  const code = diagnostic!.code as { value: string; target: vscode.Uri };
  const page = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'docs', 'rules', `${code.value.replace('/', '-')}.md`);
  assert.equal(code.target.scheme, 'file');
  assert.equal(code.target.fsPath, page);
  // What the Problems panel and the hover do with the link: the workbench opens the URI.
  await vscode.commands.executeCommand('vscode.open', code.target);
  await waitFor('the rule page in the Markdown preview editor', () => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputCustom && input.viewType === 'vscode.markdown.preview.editor' && input.uri.fsPath === page;
  }, () => describeActiveTab());
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  // The code action: the server asks for the page with window/showDocument; the client renders it.
  await applyCodeAction(await codeActionFor(expected.diagnostics[0]!, `Show documentation for "${code.value}"`));
  await waitFor('the rule page in a Markdown preview', () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    return tab?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && tab.label.includes(path.basename(page));
  }, () => describeActiveTab());
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await vscode.window.showTextDocument(document);
});

check('status bar shows the finding count the server pushed', async () => {
  const errors = expected.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = expected.diagnostics.filter((d) => d.severity === 'warning').length;
  await waitFor('status notification', () => api.status?.errors === errors && api.status?.warnings === warnings && api.status?.pending === 0);
  assert.match(api.statusBarText, new RegExp(`API Guard: ${errors + warnings}$`));
});

check('"API Guard: Show Security Report" opens the report of the workspace in a webview', async () => {
  await vscode.commands.executeCommand('apiguard.showReport');
  const panel = api.reportPanel;
  assert.ok(panel, 'no report panel after apiguard.showReport (see the "API Guard" output channel)');
  assert.equal(panel.title, 'API Guard Security Report');
  const html = panel.webview.html;
  assert.match(html, /<html/i);
  assert.ok(html.includes(expected.file), `the report names ${expected.file}`);
  for (const diagnostic of expected.diagnostics) assert.ok(html.includes(escapeHtml(diagnostic.message)), `the report lists: ${diagnostic.message}`);
  // Reports are shared and pasted into tickets: the secrets themselves must never appear in full.
  for (const secret of expected.secrets) assert.ok(!html.includes(secret), `the report leaks a secret in full (${secret.slice(0, 4)}…)`);
  const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  await waitFor(
    'the report tab',
    () => tabs().some((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'API Guard Security Report'),
    () => JSON.stringify(tabs().map((tab) => [tab.label, tab.input?.constructor.name])),
  );
  // Back to the fixture: later checks edit the active editor.
  panel.dispose();
  assert.equal(api.reportPanel, undefined);
  await vscode.window.showTextDocument(document);
});

check(`quick fix "${expected.quickFix.title}" rewrites the file and the diagnostic goes`, async () => {
  const target = expected.diagnostics[expected.quickFix.diagnostic]!;
  const action = await codeActionFor(target, expected.quickFix.title);
  await applyCodeAction(action);
  await waitFor('fixed text', () => document.getText() === expected.quickFix.fixedText);
  const remaining = await waitForDiagnostics(fixtureUri(), (d) => d.length === expected.diagnostics.length - 1);
  assert.deepEqual(remaining.map(describeDiagnostic), expected.diagnostics.filter((_, i) => i !== expected.quickFix.diagnostic));
  // The value moved into .env, which the server writes itself (the editor never had it open).
  await waitFor('.env written', () => readIfExists(path.join(workspaceRoot(), '.env')) === expected.quickFix.envFile);
  assert.equal(readIfExists(path.join(workspaceRoot(), '.gitignore')), expected.quickFix.gitignoreFile);
});

check('"Ignore on this line" inserts the suppression comment; the finding goes and a hint asks for the reason', async () => {
  const target = expected.diagnostics[expected.ignore.diagnostic]!;
  const action = await codeActionFor(target, expected.ignore.title);
  await applyCodeAction(action);
  await waitFor('suppression comment', () => document.getText() === expected.ignore.fixedText);
  // What is left is the hint asking to replace the placeholder with a reason.
  const left = await waitForDiagnostics(fixtureUri(), (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Hint);
  assert.equal((left[0]!.code as { value: string }).value, 'suppression-without-reason');
  assert.ok(await document.save(), 'saving the fixed file failed');
});

check('changing apiguard.json re-validates the open file', async () => {
  // Undo the suppression so there is a finding whose severity the config decides.
  await vscode.commands.executeCommand('undo');
  await waitFor('undo', () => document.getText() === expected.quickFix.fixedText);
  const target = expected.diagnostics[expected.ignore.diagnostic]!;
  await waitForDiagnostics(fixtureUri(), (d) => d.length === 1 && d[0]!.severity === severityOf(target.severity));
  // Written on disk, as a user's git pull or another tool would: only the file watcher tells the server.
  const configPath = path.join(workspaceRoot(), 'apiguard.json');
  fs.writeFileSync(configPath, JSON.stringify({ rules: { 'hardcoded-secret': 'warning' } }, null, 2));
  const downgraded = await waitForDiagnostics(fixtureUri(), (d) => d.length === 1 && d[0]!.severity === vscode.DiagnosticSeverity.Warning);
  assert.deepEqual(describeDiagnostic(downgraded[0]!), { ...target, severity: 'warning' });
  fs.writeFileSync(configPath, JSON.stringify({ rules: { 'hardcoded-secret': 'off' } }, null, 2));
  await waitForDiagnostics(fixtureUri(), (d) => d.length === 0);
  fs.writeFileSync(configPath, JSON.stringify({ rules: { 'hardcoded-secret': 'error' } }, null, 2));
  const restored = await waitForDiagnostics(fixtureUri(), (d) => d.length === 1);
  assert.deepEqual(describeDiagnostic(restored[0]!), target);
});

check('the apiguard.enable setting reaches the server', async () => {
  const settings = vscode.workspace.getConfiguration('apiguard', document.uri);
  await settings.update('enable', false, vscode.ConfigurationTarget.Workspace);
  await waitForDiagnostics(fixtureUri(), (d) => d.length === 0);
  await settings.update('enable', true, vscode.ConfigurationTarget.Workspace);
  await waitForDiagnostics(fixtureUri(), (d) => d.length === 1);
});

check('"API Guard: Restart Server" restarts the server, which re-diagnoses the open file', async () => {
  const target = expected.diagnostics[expected.ignore.diagnostic]!;
  // Stopping the client clears its diagnostics; the new server publishes them again for the open document.
  const seen: number[] = [];
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    if (event.uris.some((uri) => uri.toString() === document.uri.toString())) seen.push(apiguardDiagnostics(document.uri).length);
  });
  try {
    await vscode.commands.executeCommand('apiguard.restartServer');
    await waitFor('diagnostics cleared by the stop and published by the new server', () => seen.includes(0) && seen.lastIndexOf(1) > seen.indexOf(0), () => JSON.stringify(seen));
  } finally {
    listener.dispose();
  }
  assert.deepEqual(apiguardDiagnostics(document.uri).map(describeDiagnostic), [target]);
  await api.ready();
});

check('a YAML OpenAPI spec: the diagnostic at its exact range, and its quick fix clears it', async () => {
  const specUri = vscode.Uri.file(path.join(workspaceRoot(), expected.spec.file));
  const spec = await vscode.workspace.openTextDocument(specUri);
  await vscode.window.showTextDocument(spec);
  assert.equal(spec.languageId, expected.spec.languageId);
  const shown = await waitForDiagnostics(specUri, (d) => d.length === expected.spec.diagnostics.length);
  assert.deepEqual(shown.map(describeDiagnostic), expected.spec.diagnostics);
  const target = expected.spec.diagnostics[expected.spec.quickFix.diagnostic]!;
  await applyCodeAction(await codeActionFor(target, expected.spec.quickFix.title, specUri));
  await waitFor('fixed spec', () => spec.getText() === expected.spec.quickFix.fixedText);
  await waitForDiagnostics(specUri, (d) => d.length === 0);
});

// --- helpers ---

interface ExpectedDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: number[];
}

function describeDiagnostic(diagnostic: vscode.Diagnostic): ExpectedDiagnostic {
  const { start, end } = diagnostic.range;
  const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
  const severity = ['error', 'warning', 'info', 'hint'][diagnostic.severity]!;
  return { code, severity, message: diagnostic.message, range: [start.line, start.character, end.line, end.character] };
}

function severityOf(name: string): vscode.DiagnosticSeverity {
  return ({ error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint } as const)[
    name as 'error'
  ];
}

function apiguardDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'apiguard')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

async function waitForDiagnostics(uri: vscode.Uri, done: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  let latest: vscode.Diagnostic[] = [];
  await waitFor(`diagnostics of ${path.basename(uri.fsPath)}`, () => done((latest = apiguardDiagnostics(uri))), () => JSON.stringify(latest.map(describeDiagnostic)));
  return latest;
}

async function codeActionFor(target: ExpectedDiagnostic, title: string, uri: vscode.Uri = document.uri): Promise<vscode.CodeAction> {
  const [startLine, startCharacter, endLine, endCharacter] = target.range as [number, number, number, number];
  const range = new vscode.Range(startLine, startCharacter, endLine, endCharacter);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  // vscode.executeCodeActionProvider drops CodeAction.diagnostics, so actions are told apart by title.
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no code action "${title}" at ${target.range}; got: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
  return action;
}

/** What VS Code does when the user picks the action: apply the edit, then run its command. */
async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `workspace edit of "${action.title}" was rejected`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

function describeActiveTab(): string {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const input = tab?.input as { viewType?: string; uri?: vscode.Uri } | undefined;
  return JSON.stringify({ label: tab?.label, kind: input?.constructor?.name, viewType: input?.viewType, uri: input?.uri?.toString() });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

async function waitFor(what: string, condition: () => boolean, describeState?: () => string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS - 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${describeState ? `; last state: ${describeState()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${name}: no result after ${ms} ms`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
