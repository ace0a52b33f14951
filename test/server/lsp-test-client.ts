// A small LSP client for protocol tests and benchmarks' TypeScript twin: spawns the bundled server over stdio,
// keeps its own copies of open documents (so it can apply workspace edits exactly like an editor, version
// checks included) and records what the server pushes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigurationRequest,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const SERVER_PATH = path.resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  rootDir: string;
  /** 'plain' declares no optional capabilities (like Neovim 0.7 / Eglot); 'vscode' answers workspace/configuration. */
  flavour: 'plain' | 'vscode';
  /** What the client answers for the `apiguard` section (vscode flavour). */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Initialize without rootUri or workspace folders (a single file opened outside any folder). */
  noRoot?: boolean;
}

/** How the client answers the server's workspace/applyEdit: apply it (default), answer `applied: false`, or fail. */
export type ApplyEditAnswer = 'apply' | 'reject' | 'error';

interface Waiter {
  uri: string;
  predicate: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class LspTestClient {
  readonly logs: LogMessageParams[] = [];
  /** Every publishDiagnostics, in arrival order, with the time it arrived. */
  readonly published: (PublishDiagnosticsParams & { receivedAt: number })[] = [];
  readonly documents = new Map<string, TextDocument>();
  readonly configurationRequests: unknown[] = [];
  readonly registrations: unknown[] = [];
  /** Every apiguard/status notification, in arrival order. */
  readonly statuses: { errors: number; warnings: number; pending: number }[] = [];
  /** Every window/workDoneProgress/create token, then every $/progress, in arrival order. */
  readonly progressTokens: (string | number)[] = [];
  readonly progress: { token: string | number; value: { kind: string; title?: string; message?: string } }[] = [];
  /** Every window/showDocument (vscode flavour), in arrival order; answered with success. */
  readonly shownDocuments: { uri: string; external?: boolean; takeFocus?: boolean }[] = [];
  /** Every window/showMessage, in arrival order. */
  readonly shownMessages: { type: number; message: string }[] = [];
  applyEditAnswer: ApplyEditAnswer = 'apply';
  private waiters: Waiter[] = [];
  private exited = false;
  stderr = '';

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly options: ClientOptions,
  ) {}

  static async start(options: ClientOptions): Promise<LspTestClient> {
    if (!fs.existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run \`npm run build\` first`);
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { cwd: options.rootDir, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection, options);
    child.stderr.on('data', (chunk) => (client.stderr += chunk));
    child.on('exit', () => (client.exited = true));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push({ ...params, receivedAt: performance.now() });
      client.waiters = client.waiters.filter((waiter) => {
        if (waiter.uri !== params.uri || !waiter.predicate(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => client.logs.push(params));
    connection.onNotification('apiguard/status', (params: { errors: number; warnings: number; pending: number }) => client.statuses.push(params));
    connection.onRequest(ConfigurationRequest.type, (params) => {
      client.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'apiguard' ? (options.settings ?? {}) : null));
    });
    connection.onRequest('client/registerCapability', (params) => {
      client.registrations.push(params);
      return null;
    });
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      if (client.applyEditAnswer === 'error') throw new Error('the test client fails applyEdit');
      return { applied: client.applyEditAnswer === 'apply' && client.applyEditLocally(params.edit) };
    });
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      client.progressTokens.push(params.token);
      return null;
    });
    connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string } }) => client.progress.push(params));
    connection.onRequest('window/showDocument', (params: { uri: string; external?: boolean; takeFocus?: boolean }) => {
      client.shownDocuments.push(params);
      return { success: true };
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => client.shownMessages.push(params));
    connection.listen();
    const rootUri = pathToFileURL(options.rootDir).toString();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.noRoot ? null : rootUri,
      workspaceFolders: options.flavour === 'vscode' && !options.noRoot ? [{ uri: rootUri, name: path.basename(options.rootDir) }] : null,
      capabilities: capabilitiesFor(options.flavour),
      initializationOptions: options.initializationOptions,
    });
    connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves once the server has logged a line matching `pattern` (already logged lines count). */
  async waitForLog(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.find((log) => pattern.test(log.message));
      if (found) return found.message;
      if (Date.now() > deadline) throw new Error(`no log matching ${pattern}; logs:\n${this.logs.map((l) => l.message).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Resolves with the next window/showMessage (already shown ones count once each, oldest first). */
  async nextShownMessage(timeoutMs = 10_000): Promise<{ type: number; message: string }> {
    const deadline = Date.now() + timeoutMs;
    while (this.shownMessages.length === 0) {
      if (Date.now() > deadline) throw new Error(`no window/showMessage; logs:\n${this.logs.map((l) => l.message).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.shownMessages.shift()!;
  }

  uriOf(relativePath: string): string {
    return pathToFileURL(path.join(this.options.rootDir, relativePath)).toString();
  }

  open(relativePath: string, text: string, languageId = languageIdFor(relativePath)): string {
    const uri = this.uriOf(relativePath);
    // Neovim and Eglot both open at version 0.
    const document = TextDocument.create(uri, languageId, 0, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 0, text } });
    return uri;
  }

  /** Sends incremental changes (one message), bumping the version by `step` (Neovim jumps, Eglot adds 1). */
  change(uri: string, changes: TextDocumentContentChangeEvent[], step = 1): number {
    const document = this.document(uri);
    const version = document.version + step;
    TextDocument.update(document, changes, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the text between two offsets, as a single incremental change. */
  edit(uri: string, start: number, end: number, text: string): number {
    const document = this.document(uri);
    return this.change(uri, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text }]);
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    this.documents.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`not open: ${uri}`);
    return document;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** The next publishDiagnostics for `uri` that satisfies `predicate`. */
  waitForDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        const last = [...this.published].reverse().find((p) => p.uri === uri);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(last)}\nstderr: ${this.stderr}\nlogs: ${this.logs.map((l) => l.message).join('\n')}`));
      }, timeoutMs);
      const done = (params: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(params);
      };
      this.waiters.push({ uri, predicate, resolve: done });
    });
  }

  /** Diagnostics for the document's current version (the latest already received, or the next to arrive). */
  waitForCurrentDiagnostics(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const version = this.document(uri).version;
    const received = [...this.published].reverse().find((params) => params.uri === uri && params.version === version);
    if (received) return Promise.resolve(received);
    return this.waitForDiagnostics(uri, (params) => params.version === version, timeoutMs);
  }

  codeActions(uri: string, range: Range, only?: string[], diagnostics: unknown[] = []): Promise<(CodeAction | Command)[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  /**
   * Applies a code action like an editor: its edit first (refusing a TextDocumentEdit whose version is not the
   * document's current one, as Eglot does), sending didChange for each edited document, then its command.
   */
  async applyCodeAction(action: CodeAction): Promise<void> {
    if (action.edit && !this.applyEditLocally(action.edit)) throw new Error(`edit rejected (version mismatch): ${JSON.stringify(action.edit)}`);
    if (action.command) await this.connection.sendRequest('workspace/executeCommand', { command: action.command.command, arguments: action.command.arguments });
  }

  private applyEditLocally(edit: WorkspaceEdit): boolean {
    const changes = edit.documentChanges ?? [];
    for (const change of changes) {
      if (!('textDocument' in change)) return false;
      const document = this.documents.get(change.textDocument.uri);
      if (!document || document.version !== change.textDocument.version) return false;
    }
    for (const change of changes) {
      if (!('textDocument' in change)) continue;
      // Edits in one TextDocumentEdit all refer to the original text: apply back to front as one didChange.
      const document = this.document(change.textDocument.uri);
      const sorted = [...change.edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
      this.change(change.textDocument.uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
    }
    return true;
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  async stop(): Promise<number | null> {
    if (!this.exited) {
      await this.connection.sendRequest('shutdown');
      void this.connection.sendNotification('exit');
    }
    const code = await new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) return resolve(this.process.exitCode);
      const timer = setTimeout(() => {
        this.process.kill();
        resolve(null);
      }, 5000);
      this.process.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    this.connection.dispose();
    return code;
  }

  get isAlive(): boolean {
    return !this.exited;
  }

  filePathOf(uri: string): string {
    return fileURLToPath(uri);
  }
}

function capabilitiesFor(flavour: ClientOptions['flavour']): ClientCapabilities {
  if (flavour === 'plain') {
    return {
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
      },
      workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } },
    };
  }
  return {
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
      codeAction: {
        dynamicRegistration: true,
        isPreferredSupport: true,
        disabledSupport: true,
        resolveSupport: { properties: ['edit'] },
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
      },
    },
    workspace: {
      applyEdit: true,
      configuration: true,
      workspaceFolders: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      executeCommand: { dynamicRegistration: true },
    },
    window: { workDoneProgress: true, showDocument: { support: true } },
  };
}

function languageIdFor(relativePath: string): string {
  const extension = path.extname(relativePath);
  return (
    { '.ts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.jsx': 'javascriptreact', '.json': 'json', '.yaml': 'yaml' } as Record<string, string>
  )[extension] ?? 'plaintext';
}

/** A throwaway project folder with the given files (relative path → content). */
export function makeProject(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-lsp-')));
  for (const [relativePath, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relativePath)), { recursive: true });
    fs.writeFileSync(path.join(dir, relativePath), content);
  }
  return dir;
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
