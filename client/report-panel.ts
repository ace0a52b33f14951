// The security report in a webview. The server builds the page (apiguard/report, format html, interactive):
// its CSP admits one script, the one carrying the nonce made here for each render, and its links post
// ReportWebviewMessages. Every message is checked (client/report-messages.ts) before anything is opened or written:
// the page shows untrusted text.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { SHOW_RULE_DOCS_COMMAND, type ReportParams } from '../shared/protocol';
import { checkReportMessage, EXPORT_FILE_TYPES, type OpenTarget } from './report-messages';

export const REPORT_VIEW_TYPE = 'apiguard.report';
export const REPORT_TITLE = 'API Guard Security Report';

/** What handling a message did: the end-to-end suite asserts it, the output channel logs it. */
export type ReportMessageOutcome =
  | { action: 'opened'; file: string; range: [number, number, number, number]; viewColumn: number | undefined }
  | { action: 'refreshed' }
  | { action: 'exported'; file: string; format: ReportParams['format'] }
  | { action: 'exportCancelled' }
  | { action: 'showedDocs'; ruleId: string; via: 'command' | 'preview' }
  | { action: 'ignored'; reason: string }
  | { action: 'failed'; reason: string };

export type SaveDialog = (options: vscode.SaveDialogOptions) => Thenable<vscode.Uri | undefined>;

export interface ReportPanelHost {
  /** Sends apiguard/report; rejects when the server is not running or the request fails. */
  requestReport(params: ReportParams): Promise<string>;
  log(message: string): void;
  extensionUri: vscode.Uri;
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after the report was (re)built, so views showing the same workspace refresh with it. */
  readonly onDidRefresh = this.refreshed.event;
  private readonly handled = new vscode.EventEmitter<ReportMessageOutcome>();
  /** Fires with what each message from the page (or the test hook) did. */
  readonly onDidHandleMessage = this.handled.event;
  /** Replaced by the end-to-end suite: no dialog can be answered there. */
  saveDialog: SaveDialog = (options) => vscode.window.showSaveDialog(options);
  /** Test hook: renders this page instead of the server's (a hand-made page with links). */
  pageForTests: ((nonce: string, cspSource: string) => string) | undefined;

  constructor(private readonly host: ReportPanelHost) {}

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens (or reveals) the panel with a freshly built report; undefined when the report could not be built. */
  async show(): Promise<vscode.WebviewPanel | undefined> {
    // A panel closed while the server worked (its dispose event arrives late) is replaced once.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const panel = this.panel ?? this.createPanel();
      const rendered = await this.render(panel);
      if (rendered === 'closed') continue;
      if (rendered === 'failed') {
        if (!panel.webview.html) panel.dispose();
        return undefined;
      }
      panel.reveal(undefined, false);
      return panel;
    }
    return undefined;
  }

  /** Checks and acts on one message from the page. Never throws: a failure is logged and returned. */
  async handleMessage(raw: unknown): Promise<ReportMessageOutcome> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
    const checked = checkReportMessage(raw, folders);
    let outcome: ReportMessageOutcome;
    if (!checked.ok) {
      outcome = { action: 'ignored', reason: checked.reason };
    } else {
      const message = checked.message;
      try {
        switch (message.type) {
          case 'open':
            outcome = await this.open(message);
            break;
          case 'refresh':
            outcome = (await this.refresh()) ? { action: 'refreshed' } : { action: 'failed', reason: 'the report could not be rebuilt' };
            break;
          case 'export':
            outcome = await this.export(message.format);
            break;
          case 'showDocs':
            outcome = await this.showDocs(message.ruleId);
            break;
        }
      } catch (error) {
        outcome = { action: 'failed', reason: error instanceof Error ? error.message : String(error) };
      }
    }
    this.host.log(`[report] ${describeOutcome(outcome)}`);
    if (outcome.action === 'failed') void vscode.window.showErrorMessage(`API Guard: ${outcome.reason}`);
    this.handled.fire(outcome);
    return outcome;
  }

  dispose(): void {
    this.panel?.dispose();
    this.refreshed.dispose();
    this.handled.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, REPORT_TITLE, vscode.ViewColumn.Beside, {
      // The page's own script (nonce-checked by its CSP) turns link clicks into messages; it loads nothing.
      enableScripts: true,
      localResourceRoots: [],
      enableCommandUris: false,
      retainContextWhenHidden: false,
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void this.handleMessage(message));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
    return panel;
  }

  /** Builds the page with a new nonce: 'failed' (the reason shown) when the server could not. */
  private async render(panel: vscode.WebviewPanel): Promise<'rendered' | 'failed' | 'closed'> {
    // A fresh nonce per render: a page kept from an earlier render cannot reuse it.
    const nonce = randomBytes(18).toString('base64');
    const cspSource = panel.webview.cspSource;
    let html: string;
    try {
      html = this.pageForTests ? this.pageForTests(nonce, cspSource) : await this.host.requestReport({ format: 'html', interactive: { nonce, cspSource } });
    } catch (error) {
      // The request may be unsupported by an older server, or fail on a broken workspace: say so, keep going.
      const reason = error instanceof Error ? error.message : String(error);
      this.host.log(`[client] report request failed: ${reason}`);
      void vscode.window.showErrorMessage(`API Guard: could not build the security report: ${reason}`);
      return 'failed';
    }
    if (this.panel !== panel) return 'closed';
    panel.webview.html = html;
    this.refreshed.fire();
    return 'rendered';
  }

  private async refresh(): Promise<boolean> {
    return (await this.show()) !== undefined;
  }

  private async open(target: OpenTarget): Promise<ReportMessageOutcome> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(target.filePath));
    // The file may have changed since the report was built: keep the range inside it.
    const range = document.validateRange(new vscode.Range(target.line, target.character, target.endLine, target.endCharacter));
    // The first column, unless the report is there: the code opens beside the report, never over it.
    const viewColumn = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(document, { viewColumn, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return {
      action: 'opened',
      file: document.uri.fsPath,
      range: [range.start.line, range.start.character, range.end.line, range.end.character],
      viewColumn: editor.viewColumn,
    };
  }

  private async export(format: ReportParams['format']): Promise<ReportMessageOutcome> {
    const { extension, filterName } = EXPORT_FILE_TYPES[format];
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await this.saveDialog({
      defaultUri: root ? vscode.Uri.joinPath(root, `apiguard-report.${extension}`) : undefined,
      filters: { [filterName]: [extension] },
      saveLabel: 'Export',
      title: `Export the API Guard report as ${filterName}`,
    });
    if (!target) return { action: 'exportCancelled' };
    // Not interactive: the exported HTML is a standalone page, without the webview's script.
    const content = await this.host.requestReport({ format });
    await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
    return { action: 'exported', file: target.scheme === 'file' ? target.fsPath : target.toString(), format };
  }

  private async showDocs(ruleId: string): Promise<ReportMessageOutcome> {
    // The server's command when it is registered (a running server); else the page shipped in docs/, previewed.
    if ((await vscode.commands.getCommands(true)).includes(SHOW_RULE_DOCS_COMMAND)) {
      // The server's command (registered in VS Code by the language client): its argument is `{ ruleId }`.
      await vscode.commands.executeCommand(SHOW_RULE_DOCS_COMMAND, { ruleId });
      return { action: 'showedDocs', ruleId, via: 'command' };
    }
    // Rule pages ship in the extension's docs/: spec rules as spec-<name>.md, engine findings under docs/engine.
    const fileName = `${ruleId.replace('/', '-')}.md`;
    for (const folder of ['rules', 'engine']) {
      const page = vscode.Uri.joinPath(this.host.extensionUri, 'docs', folder, fileName);
      try {
        await vscode.workspace.fs.stat(page);
      } catch {
        continue;
      }
      await vscode.commands.executeCommand('markdown.showPreview', page);
      return { action: 'showedDocs', ruleId, via: 'preview' };
    }
    return { action: 'failed', reason: `no documentation page for ${ruleId}` };
  }
}

function describeOutcome(outcome: ReportMessageOutcome): string {
  switch (outcome.action) {
    case 'opened':
      return `opened ${outcome.file} at ${outcome.range[0] + 1}:${outcome.range[1] + 1}`;
    case 'exported':
      return `exported ${outcome.format} to ${outcome.file}`;
    case 'showedDocs':
      return `showed the documentation of ${outcome.ruleId} (${outcome.via})`;
    case 'ignored':
      return `ignored a message from the page: ${outcome.reason}`;
    case 'failed':
      return `failed: ${outcome.reason}`;
    default:
      return outcome.action;
  }
}
