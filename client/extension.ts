// The VS Code side of API Guard. Deliberately thin: it starts the bundled language server (dist/server.js, the
// same bundle Neovim and Emacs run with --stdio), shows what the server reports, and forwards commands. All
// analysis lives in the server, so the editor and the CLI agree by construction.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { ReportRequest, RoutesRequest, StatusNotification, type ReportParams, type StatusParams } from '../shared/protocol';
import { SETTINGS_SECTION } from '../shared/settings';
import { docsMiddleware } from './docs';
import { ReportPanel, type ReportMessageOutcome, type SaveDialog } from './report-panel';
import { REFRESH_ROUTES_COMMAND, ROUTES_VIEW_ID, RouteTreeProvider } from './route-tree';

/** Languages the server analyses: TS/JS and their React variants, plus OpenAPI specs in YAML or JSON. */
export const ANALYSED_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'yaml', 'json', 'jsonc'];

export const SHOW_REPORT_COMMAND = 'apiguard.showReport';
export const RESTART_SERVER_COMMAND = 'apiguard.restartServer';
export const OUTPUT_CHANNEL_NAME = 'API Guard';

/** What the extension exports from activate(), so end-to-end tests can read state without scraping the UI. */
export interface ApiGuardExtensionApi {
  /** The latest counts the server pushed, or undefined before the first analysis. */
  readonly status: StatusParams | undefined;
  /** The status bar text as shown. */
  readonly statusBarText: string;
  /** Resolves once the language client is running. */
  ready(): Promise<void>;
  /** The open report panel, if any. */
  readonly reportPanel: vscode.WebviewPanel | undefined;
  /** The API Guard view's data: the suite reads its items as the view shows them. */
  readonly routeTree: RouteTreeProvider;
  /** Hooks for the end-to-end suite, which reaches the webview and dialogs only through the extension. */
  readonly testHooks: {
    /** Acts on a message as if the report page had posted it; returns what was done. */
    handleReportMessage(message: unknown): Promise<ReportMessageOutcome>;
    /** What each message did, those the page posted included. */
    onDidHandleReportMessage: vscode.Event<ReportMessageOutcome>;
    /** Answers the export's save dialog (undefined restores the real dialog). */
    stubSaveDialog(dialog: SaveDialog | undefined): void;
    /** Shows this page in the report panel instead of the server's (undefined restores the server's). */
    stubReportPage(page: ((nonce: string, cspSource: string) => string) | undefined): void;
  };
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ApiGuardExtensionApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  const statusBar = vscode.window.createStatusBarItem('apiguard.findings', vscode.StatusBarAlignment.Left, 0);
  statusBar.name = 'API Guard findings';
  statusBar.command = SHOW_REPORT_COMMAND;
  statusBar.text = '$(shield) API Guard';
  statusBar.tooltip = 'API Guard: starting';
  statusBar.show();
  context.subscriptions.push(output, statusBar);

  let status: StatusParams | undefined;
  let started: Promise<void> = Promise.resolve();
  const runningClient = async (): Promise<LanguageClient> => {
    await started;
    if (!client) throw new Error('the language server is not running');
    return client;
  };
  const requestReport = async (params: ReportParams): Promise<string> => (await (await runningClient()).sendRequest(ReportRequest.type, params)).content;

  const reportPanel = new ReportPanel({ requestReport, log: (message) => output.appendLine(message), extensionUri: context.extensionUri });
  const routeTree = new RouteTreeProvider({
    requestRoutes: async () => (await runningClient()).sendRequest(RoutesRequest.type),
    requestReport,
    log: (message) => output.appendLine(message),
  });
  const routesView = vscode.window.createTreeView(ROUTES_VIEW_ID, { treeDataProvider: routeTree, showCollapseAll: true });
  // The report was just built: the view's finding counts come from the same (reused) analysis.
  reportPanel.onDidRefresh(() => void routeTree.refresh(true));
  const isSource = (document: vscode.TextDocument) => document.uri.scheme === 'file' && ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'].includes(document.languageId);
  context.subscriptions.push(reportPanel, routeTree, routesView, routeTree.followSaves(routesView, isSource));

  const showStatus = (params: StatusParams): void => {
    status = params;
    const findings = params.errors + params.warnings;
    statusBar.text = `${params.pending > 0 ? '$(sync~spin)' : '$(shield)'} API Guard: ${findings}`;
    statusBar.tooltip = `API Guard: ${params.errors} error(s), ${params.warnings} warning(s) in open files. Click for the security report.`;
    statusBar.backgroundColor = params.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };

  // One watcher for the extension's lifetime, shared by every client start (restarts included).
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/apiguard.json');
  context.subscriptions.push(configWatcher);

  const start = async (): Promise<void> => {
    client = createClient(context, output, configWatcher);
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) {
        statusBar.text = '$(error) API Guard: stopped';
        statusBar.tooltip = 'API Guard: the language server stopped. See the "API Guard" output channel.';
      }
    });
    await client.start();
    // Registered after start(): the connection exists only then.
    context.subscriptions.push(client.onNotification(StatusNotification.type, showStatus));
    output.appendLine(`[client] language server started (${context.asAbsolutePath(path.join('dist', 'server.js'))})`);
  };

  // Never rejects: a failed start is shown once, and the commands then find no running client.
  const startAndReport = (): Promise<void> =>
    start().catch((error: unknown) => {
      client = undefined;
      output.appendLine(`[client] failed to start the language server: ${describe(error)}`);
      statusBar.text = '$(error) API Guard';
      statusBar.tooltip = 'API Guard: the language server failed to start. See the "API Guard" output channel.';
      void vscode.window.showErrorMessage(`API Guard: the language server failed to start: ${describe(error)}`);
    });
  started = startAndReport();

  context.subscriptions.push(
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      output.appendLine('[client] restarting the language server');
      const previous = client;
      client = undefined;
      if (previous) await previous.stop().catch((error: unknown) => output.appendLine(`[client] stop failed: ${describe(error)}`));
      started = startAndReport();
      await started;
    }),
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, async () => {
      await started;
      if (!client) {
        void vscode.window.showErrorMessage('API Guard: the language server is not running.');
        return undefined;
      }
      return reportPanel.show();
    }),
    vscode.commands.registerCommand(REFRESH_ROUTES_COMMAND, () => routeTree.refresh(true)),
  );

  return {
    get status() {
      return status;
    },
    get statusBarText() {
      return statusBar.text;
    },
    ready: () => started,
    get reportPanel() {
      return reportPanel.webviewPanel;
    },
    routeTree,
    testHooks: {
      handleReportMessage: (message) => reportPanel.handleMessage(message),
      onDidHandleReportMessage: reportPanel.onDidHandleMessage,
      stubSaveDialog: (dialog) => {
        reportPanel.saveDialog = dialog ?? ((options) => vscode.window.showSaveDialog(options));
      },
      stubReportPage: (page) => {
        reportPanel.pageForTests = page;
      },
    },
  };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop();
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, configWatcher: vscode.FileSystemWatcher): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // Node IPC in VS Code; other editors run the very same bundle with --stdio.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Files on disk only: untitled buffers, git diffs and virtual documents have no apiguard.json or project.
    // Prisma schemas are sent too (never analysed): the server indexes their unsaved text for the data models.
    documentSelector: [...ANALYSED_LANGUAGES.map((language) => ({ scheme: 'file', language })), { scheme: 'file', pattern: '**/*.prisma' }],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      // The server re-reads apiguard.json and re-validates open files when one changes.
      fileEvents: configWatcher,
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: docsMiddleware(context),
  };
  // The id 'apiguard' makes vscode-languageclient honour the apiguard.trace.server setting.
  return new LanguageClient('apiguard', 'API Guard', serverOptions, clientOptions);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
