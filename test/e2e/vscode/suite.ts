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
import type { ReportMessageOutcome } from '../../../client/report-panel';
import { RouteTreeProvider, type RouteTreeNode } from '../../../client/route-tree';
import type { RouteInventoryEntry, RoutesResult } from '../../../shared/protocol';

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
  // Scripts on for the page's own script only: no local file can be loaded, no command URI followed.
  assert.equal(panel.webview.options.enableScripts, true);
  assert.deepEqual(panel.webview.options.localResourceRoots, []);
  assert.equal(panel.webview.options.enableCommandUris, false);
  const html = panel.webview.html;
  assert.match(html, /<html/i);
  assertScriptsCarryTheCspNonce(html);
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

check('a finding link of the report opens the file at its range, beside the report; forged messages are ignored', async () => {
  await vscode.commands.executeCommand('apiguard.showReport');
  const panel = api.reportPanel;
  assert.ok(panel, 'no report panel');
  await waitFor('the report shown in a column', () => panel.viewColumn !== undefined);
  const target = expected.diagnostics[0]!;
  const [line, character, endLine, endCharacter] = target.range as [number, number, number, number];
  const outcome = await api.testHooks.handleReportMessage({ type: 'open', file: fixtureUri().toString(), line, character, endLine, endCharacter });
  const beside = panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  assert.deepEqual(outcome, { action: 'opened', file: fixtureUri().fsPath, range: target.range, viewColumn: beside });
  const editor = vscode.window.activeTextEditor;
  assert.equal(editor?.document.uri.toString(), fixtureUri().toString());
  assert.deepEqual(rangeOf(editor!.selection), target.range);
  assert.notEqual(editor!.viewColumn, panel.viewColumn, 'the file opened over the report');
  assert.ok(api.reportPanel, 'opening a finding closed the report');
  // The page shows untrusted text: what it posts is checked, and nothing outside the workspace opens.
  const outside = vscode.Uri.file(path.join(workspaceRoot(), '..', 'outside.ts')).toString();
  const forged: [unknown, RegExp][] = [
    [{ type: 'open', file: outside, line: 0, character: 0, endLine: 0, endCharacter: 0 }, /^outside the workspace folders: "file:\/\//],
    [{ type: 'open', file: 'command:workbench.action.terminal.new', line: 0, character: 0, endLine: 0, endCharacter: 0 }, /^not a file: URI: "command:workbench\.action\.terminal\.new"$/],
    [{ type: 'open', file: fixtureUri().toString(), line: -1, character: 0, endLine: 0, endCharacter: 0 }, /^line is not a position: -1$/],
    [{ type: 'runCommand', command: 'workbench.action.terminal.new' }, /^unknown message type "runCommand"$/],
    [{ type: 'showDocs', ruleId: '../../../etc/passwd' }, /^not a rule id: "\.\.\/\.\.\/\.\.\/etc\/passwd"$/],
    [{ type: 'export', format: 'pdf' }, /^unknown export format "pdf"$/],
  ];
  for (const [message, reason] of forged) {
    const ignored = await api.testHooks.handleReportMessage(message);
    assert.equal(ignored.action, 'ignored', JSON.stringify(message));
    assert.match((ignored as { reason: string }).reason, reason);
  }
  assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), fixtureUri().toString());
});

check('"refresh" rebuilds the report and the API Guard view refreshes with it', async () => {
  let viewChanges = 0;
  const listener = api.routeTree.onDidChangeTreeData(() => (viewChanges += 1));
  try {
    assert.deepEqual(await api.testHooks.handleReportMessage({ type: 'refresh' }), { action: 'refreshed' });
    await waitFor('the view refreshed after the report', () => viewChanges > 0);
    await api.routeTree.settled();
  } finally {
    listener.dispose();
  }
  assert.ok(api.reportPanel?.webview.html.includes(expected.file), 'the refreshed report names the fixture file');
});

check('export: the save dialog proposes apiguard-report.<ext> in the workspace root; the chosen file gets that format', async () => {
  const exportDir = path.join(workspaceRoot(), '..', 'exports');
  fs.mkdirSync(exportDir, { recursive: true });
  const asked: vscode.SaveDialogOptions[] = [];
  let answer: vscode.Uri | undefined;
  api.testHooks.stubSaveDialog(async (options) => {
    asked.push(options);
    return answer;
  });
  try {
    const formats = [
      ['markdown', 'md', 'Markdown'],
      ['json', 'json', 'JSON'],
      ['sarif', 'sarif', 'SARIF'],
      ['html', 'html', 'HTML'],
    ] as const;
    for (const [format, extension, filterName] of formats) {
      const file = path.join(exportDir, `chosen.${extension}`);
      answer = vscode.Uri.file(file);
      assert.deepEqual(await api.testHooks.handleReportMessage({ type: 'export', format }), { action: 'exported', file, format });
      const options = asked.at(-1)!;
      assert.equal(options.defaultUri?.fsPath, path.join(workspaceRoot(), `apiguard-report.${extension}`));
      assert.deepEqual(options.filters, { [filterName]: [extension] });
      const content = fs.readFileSync(file, 'utf8');
      // SARIF carries each rule's page as help text, whose examples may quote the same well-known sample secrets.
      const findingsPart = format === 'sarif' ? JSON.stringify((JSON.parse(content) as { runs: { results: unknown }[] }).runs.map((run) => run.results)) : content;
      for (const secret of expected.secrets) assert.ok(!findingsPart.includes(secret), `the ${format} export leaks a secret in full`);
      if (format === 'json') {
        const findings = (JSON.parse(content) as { findings: { file: string; line: number; column: number; ruleId: string }[] }).findings;
        const wanted = [
          ...expected.diagnostics.map((d) => [expected.file, d.range[0]! + 1, d.range[1]! + 1, d.code]),
          ...expected.spec.diagnostics.map((d) => [expected.spec.file, d.range[0]! + 1, d.range[1]! + 1, d.code]),
          ...expected.routes.findings.map((f) => [expected.routes.file, f.line, f.column, f.code]),
        ];
        assert.deepEqual(findings.map((f) => [f.file, f.line, f.column, f.ruleId]).sort(), wanted.sort());
      } else if (format === 'sarif') {
        assert.equal((JSON.parse(content) as { runs: { results: unknown[] }[] }).runs[0]!.results.length, expected.diagnostics.length + expected.spec.diagnostics.length + expected.routes.findings.length);
      } else {
        for (const diagnostic of expected.diagnostics) {
          assert.ok(content.includes(format === 'html' ? escapeHtml(diagnostic.message) : diagnostic.message), `the ${format} export lists: ${diagnostic.message}`);
        }
      }
      // A saved page opens in a browser, outside the webview: no script, interactive or not.
      if (format === 'html') assert.doesNotMatch(content, /<script/i);
    }
    // Cancelling the dialog writes nothing.
    answer = undefined;
    const before = fs.readdirSync(exportDir).sort();
    assert.deepEqual(await api.testHooks.handleReportMessage({ type: 'export', format: 'markdown' }), { action: 'exportCancelled' });
    assert.deepEqual(fs.readdirSync(exportDir).sort(), before);
  } finally {
    api.testHooks.stubSaveDialog(undefined);
  }
});

check('"showDocs" opens the rule page', async () => {
  // A spec rule: its page (spec-….md) is not open yet, unlike hardcoded-secret's from the doc-link check.
  const ruleId = 'spec/undefined-security-scheme';
  const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
  assert.ok(!tabs().some((label) => label.includes('spec-undefined-security-scheme')), JSON.stringify(tabs()));
  const viaCommand = (await vscode.commands.getCommands(true)).includes('apiguard.showRuleDocs');
  const outcome = await api.testHooks.handleReportMessage({ type: 'showDocs', ruleId });
  assert.deepEqual(outcome, { action: 'showedDocs', ruleId, via: viaCommand ? 'command' : 'preview' });
  await waitFor('the rule page', () => tabs().some((label) => label.includes('spec-undefined-security-scheme.md')), () => JSON.stringify(tabs()));
});

if (process.env.APIGUARD_E2E_WEBVIEW_CLICK === '1') {
  check('a click in the real report webview reaches the extension through the nonce script; a script without the nonce does not run', async () => {
    const route = expected.routes.groups[0]!.routes[1]!;
    const target = vscode.Uri.file(path.join(workspaceRoot(), expected.routes.file));
    const outcomes: ReportMessageOutcome[] = [];
    const listener = api.testHooks.onDidHandleReportMessage((outcome) => outcomes.push(outcome));
    // A hand-made page in the shape the server's interactive report has (one nonce script, links with data
    // attributes), plus an injected script: if it ran it would post an export, and the dialog stub would see it.
    let dialogs = 0;
    api.testHooks.stubSaveDialog(async () => ((dialogs += 1), undefined));
    api.testHooks.stubReportPage((nonce, cspSource) => handMadeReportPage(nonce, cspSource, target.toString(), route.line - 1));
    try {
      await vscode.commands.executeCommand('apiguard.showReport');
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: true });
      api.reportPanel!.reveal(undefined, false);
      // run-code-server.mjs watches the relayed console for this line and clicks the link in the webview frame.
      console.log('APIGUARD_E2E_CLICK a[data-e2e-open]');
      await waitFor('the clicked link opened the file', () => outcomes.some((outcome) => outcome.action === 'opened'), () => JSON.stringify(outcomes));
      assert.deepEqual(outcomes, [{ action: 'opened', file: target.fsPath, range: [route.line - 1, 0, route.line - 1, 0], viewColumn: api.reportPanel!.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One }]);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString());
      assert.equal(dialogs, 0, 'the injected script ran');
    } finally {
      listener.dispose();
      api.testHooks.stubReportPage(undefined);
      api.testHooks.stubSaveDialog(undefined);
    }
  });
}

if (process.env.APIGUARD_E2E_WEBVIEW_CLICK === '1') {
  check('a click on a finding in the server\'s interactive report opens the file at the finding\'s range', async () => {
    await vscode.commands.executeCommand('apiguard.showReport');
    const html = api.reportPanel!.webview.html;
    assert.match(html, /<a href="#" data-open data-file="/, 'the interactive report has finding links');
    const target = expected.diagnostics[0]!;
    const outcomes: ReportMessageOutcome[] = [];
    const listener = api.testHooks.onDidHandleReportMessage((outcome) => outcomes.push(outcome));
    try {
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(workspaceRoot(), expected.routes.file)), { viewColumn: vscode.ViewColumn.One, preserveFocus: true });
      api.reportPanel!.reveal(undefined, false);
      console.log(`APIGUARD_E2E_CLICK a[data-open][data-file$="/${expected.file}"][data-line="${target.range[0]}"]`);
      await waitFor('the finding link opened the file', () => outcomes.some((outcome) => outcome.action === 'opened'), () => JSON.stringify(outcomes));
      const beside = api.reportPanel!.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
      assert.deepEqual(outcomes, [{ action: 'opened', file: fixtureUri().fsPath, range: target.range, viewColumn: beside }]);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), fixtureUri().toString());
    } finally {
      listener.dispose();
    }
  });
}

check('the API Guard view lists the fixture routes by file with their auth status and findings; a route opens its handler', async () => {
  await vscode.commands.executeCommand('workbench.view.extension.apiguard');
  await api.routeTree.settled();
  let roots: RouteTreeNode[] = [];
  await waitFor('routes listed', () => (roots = api.routeTree.getChildren()).some((node) => node.kind === 'group'), () => JSON.stringify(roots));
  const shown = roots.map((group) => ({
    label: api.routeTree.getTreeItem(group).label,
    routes: api.routeTree.getChildren(group).map((node) => {
      const item = api.routeTree.getTreeItem(node);
      const icon = item.iconPath as vscode.ThemeIcon;
      const [uri, options] = item.command!.arguments as [vscode.Uri, vscode.TextDocumentShowOptions];
      assert.equal(uri.fsPath, path.join(workspaceRoot(), expected.routes.file));
      return {
        label: item.label,
        icon: icon.id,
        color: (icon.color as unknown as { id: string } | undefined)?.id,
        auth: String(item.tooltip).split('\n')[1],
        line: (options.selection as vscode.Range).start.line + 1,
        // Counted by the report the earlier checks built (the view refreshes with it).
        findings: item.description ?? null,
      };
    }),
  }));
  assert.deepEqual(shown, expected.routes.groups);
  const injectable = api.routeTree.getChildren(roots[0]!)[2]!;
  assert.deepEqual(api.routeTree.getChildren(injectable).map((node) => api.routeTree.getTreeItem(node).label), ['1 error']);
  // Clicking a route runs its command: the handler opens at the route's line.
  const routeNode = api.routeTree.getChildren(roots[0]!)[1]!;
  const command = api.routeTree.getTreeItem(routeNode).command!;
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  const line = expected.routes.groups[0]!.routes[1]!.line - 1;
  await waitFor('the handler opened', () => vscode.window.activeTextEditor?.document.uri.fsPath === path.join(workspaceRoot(), expected.routes.file));
  assert.deepEqual(rangeOf(vscode.window.activeTextEditor!.selection), [line, 0, line, 0]);
  // A route added and saved shows up without a refresh (the view is visible).
  const routesDocument = vscode.window.activeTextEditor!.document;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(routesDocument.uri, new vscode.Position(routesDocument.lineCount - 2, 0), "app.get('/status', requireAuth, (_req, res) => {\n  res.json({ up: true });\n});\n\n");
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await routesDocument.save());
  const labels = () => api.routeTree.getChildren().flatMap((node) => (node.kind === 'group' ? api.routeTree.getChildren(node) : [node])).map((node) => String(api.routeTree.getTreeItem(node).label));
  await waitFor('the saved route listed', () => labels().includes('GET /status'), () => JSON.stringify(labels()));
  assert.deepEqual(labels(), [...expected.routes.groups[0]!.routes.map((route) => route.label), 'GET /status']);
  // Back to the fixture: later checks edit the active editor.
  api.reportPanel?.dispose();
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
});

check('the API Guard view\'s tree: "Indexing…" until the routes arrive, finding counts from the report inventory, failures said, stale answers dropped', async () => {
  // A provider of its own with a scripted server: the real one has finished indexing, and its report has no
  // findings in the fixture's handlers.
  const file = vscode.Uri.file(path.join(workspaceRoot(), expected.routes.file)).toString();
  const entry = (method: string, routePath: string, line: number, auth: RouteInventoryEntry['auth']): RouteInventoryEntry => ({
    method, path: routePath, framework: 'express', file, line, handler: '<inline handler>', auth, mounts: [], chain: [], notes: [],
  });
  const routes: RoutesResult = {
    complete: true,
    routes: [entry('GET', '/health', 21, { status: 'public', reason: 'health check' }), entry('GET', '/me', 25, { status: 'none' })],
    unmodelled: [{ framework: 'express', what: 'routes registered in a loop', file, line: 30 }],
  };
  const answers: { resolve: (result: RoutesResult) => void; reject: (error: Error) => void }[] = [];
  const reports: string[] = [];
  const tree = new RouteTreeProvider({
    requestRoutes: () => new Promise<RoutesResult>((resolve, reject) => answers.push({ resolve, reject })),
    requestReport: async (params) => {
      reports.push(params.format);
      return JSON.stringify({ version: 1, findings: [], inventory: { routes: [{ ...routes.routes[1], file: expected.routes.file, findings: { error: 2, warning: 1, info: 0, hint: 0 } }] } });
    },
    log: () => undefined,
  });
  const describeNodes = (nodes: RouteTreeNode[]) =>
    nodes.map((node) => {
      const item = tree.getTreeItem(node);
      return [item.label, item.description, (item.iconPath as vscode.ThemeIcon).id, item.collapsibleState];
    });
  try {
    // First shown: the routes are asked for (no report: opening the view costs no analysis).
    assert.deepEqual(describeNodes(tree.getChildren()), [['Indexing the workspace…', undefined, 'loading~spin', vscode.TreeItemCollapsibleState.None]]);
    assert.equal(answers.length, 1);
    answers[0]!.resolve(routes);
    await tree.settled();
    const roots = tree.getChildren();
    assert.deepEqual(describeNodes(roots), [
      [expected.routes.file, undefined, 'file-code', vscode.TreeItemCollapsibleState.Expanded],
      ['1 route declaration(s) could not be listed', undefined, 'warning', vscode.TreeItemCollapsibleState.None],
    ]);
    assert.equal(tree.getTreeItem(roots[1]!).tooltip, `express: routes registered in a loop (${expected.routes.file}:30)`);
    assert.deepEqual(describeNodes(tree.getChildren(roots[0]!)), [
      ['GET /health', undefined, 'globe', vscode.TreeItemCollapsibleState.None],
      ['GET /me', undefined, 'unlock', vscode.TreeItemCollapsibleState.None],
    ]);
    assert.deepEqual(reports, []);

    // Refreshed with findings: the report's inventory counts them per route.
    const withFindings = tree.refresh(true);
    answers[1]!.resolve(routes);
    await withFindings;
    assert.deepEqual(reports, ['json']);
    const [health, me] = tree.getChildren(tree.getChildren()[0]!);
    assert.deepEqual(describeNodes([health!, me!]), [
      ['GET /health', undefined, 'globe', vscode.TreeItemCollapsibleState.None],
      ['GET /me', '2 errors, 1 warning', 'unlock', vscode.TreeItemCollapsibleState.Collapsed],
    ]);
    assert.deepEqual(describeNodes(tree.getChildren(me)), [
      ['2 errors', undefined, 'error', vscode.TreeItemCollapsibleState.None],
      ['1 warning', undefined, 'warning', vscode.TreeItemCollapsibleState.None],
    ]);

    // Two refreshes answered out of order: the later request wins; the view keeps its routes meanwhile.
    const older = tree.refresh(false);
    const newer = tree.refresh(false);
    assert.equal(describeNodes(tree.getChildren())[0]![0], expected.routes.file);
    answers[3]!.resolve({ ...routes, routes: routes.routes.slice(0, 1), unmodelled: [] });
    answers[2]!.resolve(routes);
    await Promise.all([older, newer]);
    assert.deepEqual(tree.getChildren(tree.getChildren()[0]!).map((node) => tree.getTreeItem(node).label), ['GET /health']);

    // A failed request is said, with the reason in the tooltip.
    const failing = tree.refresh(false);
    answers[4]!.reject(new Error('the server stopped'));
    await failing;
    const failed = tree.getChildren();
    assert.deepEqual(describeNodes(failed), [['Could not list the routes', undefined, 'error', vscode.TreeItemCollapsibleState.None]]);
    assert.equal(tree.getTreeItem(failed[0]!).tooltip, 'the server stopped');
  } finally {
    tree.dispose();
  }
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

check('the report opens beside the code, with the API Guard view in the side bar (screenshot for people)', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const routesFile = vscode.Uri.file(path.join(workspaceRoot(), expected.routes.file));
  await vscode.window.showTextDocument(routesFile, { viewColumn: vscode.ViewColumn.One });
  await vscode.commands.executeCommand('apiguard.showReport');
  // The panel's column is known once the workbench has shown it.
  await waitFor('the report in the second column', () => api.reportPanel?.viewColumn === vscode.ViewColumn.Two, () => String(api.reportPanel?.viewColumn));
  await vscode.commands.executeCommand('workbench.view.extension.apiguard');
  await api.routeTree.settled();
  await screenshot('report-and-view');
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

/** For people, not assertions: run-code-server.mjs saves the workbench as it is now; waits until it has. */
async function screenshot(name: string): Promise<void> {
  const artifacts = process.env.APIGUARD_E2E_ARTIFACTS;
  if (!artifacts) return;
  const file = path.join(artifacts, `vscode-${name}.png`);
  fs.rmSync(file, { force: true });
  console.log(`APIGUARD_E2E_SCREENSHOT ${name}`);
  await waitFor(`screenshot ${name}`, () => fs.existsSync(file));
}

function rangeOf(range: vscode.Range): number[] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** Every script of the page carries the nonce its CSP allows, and the CSP allows no other script. */
function assertScriptsCarryTheCspNonce(html: string): void {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)];
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1];
  assert.ok(csp, 'the report has a Content-Security-Policy');
  if (scripts.length === 0) {
    assert.doesNotMatch(csp, /script-src[^;]*(unsafe-inline|\*)/);
    return;
  }
  const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
  assert.ok(nonce, `scripts without a nonce in the CSP: ${csp}`);
  for (const [tag, attributes] of scripts) assert.ok(attributes!.includes(`nonce="${nonce}"`), `script without the nonce: ${tag}`);
}

/** The page the real-click check shows: links with data attributes, one nonce script that posts "open". */
function handMadeReportPage(nonce: string, cspSource: string, file: string, line: number): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}'">
<title>hand-made report</title></head>
<body>
<script>acquireVsCodeApi().postMessage({ type: 'export', format: 'html' });</script>
<p><a href="#" data-e2e-open data-file="${escapeHtml(file)}" data-line="${line}" style="display:block;font-size:40px">open the handler</a></p>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-file]');
  if (!link) return;
  event.preventDefault();
  const line = Number(link.dataset.line);
  vscode.postMessage({ type: 'open', file: link.dataset.file, line, character: 0, endLine: line, endCharacter: 0 });
});
</script>
</body></html>`;
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
