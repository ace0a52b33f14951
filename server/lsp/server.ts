// The language server: open documents in, pushed diagnostics and code actions out. Works the same for VS Code,
// Neovim and Eglot (see shared/LSP-CLIENTS.md): static capabilities, push diagnostics, inline edits, no
// showMessageRequest; configuration and work-done progress only when the client offers them.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  WorkDoneProgressCancelNotification,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type ProgressToken,
  type WorkDoneProgressParams,
} from 'vscode-languageserver';
import { APPLY_FIX_COMMAND, DISABLE_RULE_COMMAND, FIX_ALL_CODE_ACTION_KIND, SHOW_RULE_DOCS_COMMAND, ReportRequest, RoutesRequest, StatusNotification, type ReportParams } from '../../shared/protocol';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type ApiGuardSettings } from '../../shared/settings';
import { allFindingMetas, Engine, TOO_DEEP_TO_PARSE, diskReader, type FileSystemReader } from '../engine/analyzer';
import { docsUrlEnvironmentProblem, helpUrlFor } from '../engine/docs-links';
import { CONFIG_FILE_NAME, ConfigError, parseConfig, type ResolvedConfig } from '../engine/config';
import { INTERNAL_ERROR, UNUSED_SUPPRESSION } from '../engine/engine-findings';
import type { FileAnalysis, Finding } from '../engine/findings';
import { reasonToSkip } from '../engine/source-files';
import { isPrismaSchemaFile } from '../engine/api-model/workspace-index';
import { isSpecCandidateFile } from '../engine/openapi/parse-spec';
import { codeActionsFor } from './code-actions';
import { analysisFailedDiagnostic, configFileDiagnostic, invalidConfigDiagnostic, lastValidConfigDiagnostic, skippedFileDiagnostic, toDiagnostic } from './diagnostics';
import { OpenDocument } from './documents';
import { executeFix, FixError, parseApplyFixArguments } from './fix-command';
import { executeDisableRule, parseDisableRuleArguments, parseShowRuleDocsArguments, RuleCommandError } from './rule-commands';
import { normalizeSettings, settingsFromPayload } from './settings';
import { BackgroundAnalysis, CancelledError, type TypeAwareResult } from './background-analysis';
import { IndexingProgressReporter, RequestProgress } from './indexing-progress';
import type { IndexingProgress } from './workspace-indexer';

const REPORT_FORMATS: readonly ReportParams['format'][] = ['html', 'markdown', 'json', 'sarif'];

/** Above this an analysis is logged even with trace off: users should learn why the editor feels slow. */
const SLOW_ANALYSIS_MS = 500;

/** Files whose change can alter what the engine decides for other files. */
const CONFIG_AFFECTING_FILES = new Set([CONFIG_FILE_NAME, 'package.json', 'tsconfig.json', 'jsconfig.json']);
/** Script files the worker re-indexes when they change on disk (the editor reports them as watched files). */
const SCRIPT_FILES_GLOB = '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}';
/** Prisma schemas: indexed for their data models (never analysed). */
const PRISMA_SCHEMA_GLOB = '**/*.prisma';
/** YAML/JSON: an open spec's cross-file `$ref` targets (a change re-analyses the specs that read them). */
const SPEC_FILES_GLOB = '**/*.{yaml,yml,json}';
/** Files a fix reads (the secret fix appends to .env, .gitignore): their change makes cached fixes stale. */
const FIX_INPUT_FILES = new Set(['.env', '.env.example', '.gitignore']);

interface AnalysisResult {
  /** The document's change counter when analysed: a result for any other count is stale. */
  changeCount: number;
  version: number;
  findings: Finding[];
  diagnostics: Diagnostic[];
  /** False while type-aware rules still run in the background (their previous findings are carried meanwhile). */
  complete: boolean;
  /** Set while the file is analysed with the last valid apiguard.json: shown above the findings. */
  configNotice?: Diagnostic;
  /** A YAML/JSON document that is not an OpenAPI/Swagger spec: nothing is published for it. */
  notApplicable?: boolean;
  /** Some of its rules run in the worker (a spec without model rules, or a skipped file, has none there). */
  usesWorker?: boolean;
}

/** How long a code action request waits for the background type-aware pass before answering with what it has. */
const CODE_ACTION_WAIT_MS = 5000;

export class ApiGuardServer {
  private readonly documents = new Map<string, OpenDocument>();
  private readonly documentsByPath = new Map<string, OpenDocument>();
  private readonly results = new Map<string, AnalysisResult>();
  /**
   * Bumped whenever files that fixes are computed from (.env, .gitignore, configs) change: a result computed
   * before, by either thread, carries edits against the old contents and must not be offered as a fix.
   */
  private fixInputsGeneration = 0;
  /** Documents with an analysis scheduled → the change count seen at the last hop (see schedule()). */
  private readonly scheduled = new Map<string, number>();
  /** Skip reasons and config errors already logged, so a keystroke does not repeat them. */
  private readonly loggedOnce = new Set<string>();
  private engine: Engine = this.createEngine([]);
  private workspaceRoots: string[] = [];
  private settings: ApiGuardSettings = DEFAULT_SETTINGS;
  private canAskForConfiguration = false;
  private codeActionDisabledSupport = false;
  private shuttingDown = false;
  private background: BackgroundAnalysis | undefined;
  /** Rules that run only in the worker: type-aware ones (meta.requiresTypes) and model ones (meta.requiresApiModel). */
  private backgroundRuleIds = new Set<string>();
  /** Spec rules' ids: whether a spec needs the worker depends only on these (and a script's only on the others). */
  private specRuleIds = new Set<string>();
  private indexingProgress: IndexingProgressReporter | undefined;
  private workDoneProgressSupported = false;
  /** Reports in progress: their progress token → stop (window/workDoneProgress/cancel). */
  private readonly progressCancels = new Map<ProgressToken, () => void>();
  private nextReportToken = 1;
  private readonly syntacticConfigs = new WeakMap<ResolvedConfig, ResolvedConfig>();
  /** Code action requests waiting for a document's complete analysis. */
  private completionWaiters: { uri: string; resolve: () => void }[] = [];
  /** Open specs → the other files their last analysis read (cross-file `$ref` targets): a change to one re-analyses them. */
  private readonly specDependencies = new Map<string, readonly string[]>();
  /** Documents whose last published diagnostics were not empty: a YAML/JSON file that stops being a spec is cleared once. */
  private readonly shownDiagnostics = new Set<string>();

  constructor(
    private readonly connection: Connection,
    /** dist/server.js: the type-aware worker runs the same bundle. */
    private readonly workerScript: string,
  ) {}

  listen(): void {
    const { connection } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.initialized());
    connection.onShutdown(() => this.shutdown());

    connection.onDidOpenTextDocument(({ textDocument }) => {
      const document = new OpenDocument(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
      this.forget(textDocument.uri);
      this.documents.set(document.uri, document);
      this.documentsByPath.set(document.filePath, document);
      this.background?.documentChanged(document.filePath);
      if (this.isRelevant(document)) this.schedule(document);
      // From now on the editor's text of this file wins over the disk's for the specs that `$ref` it.
      this.dependencyChanged(document.filePath);
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const document = this.documents.get(textDocument.uri);
      if (!document) return this.logError(`didChange for a document that is not open: ${textDocument.uri}`);
      document.applyChanges(contentChanges, textDocument.version);
      this.background?.documentChanged(document.filePath);
      if (FIX_INPUT_FILES.has(path.basename(document.filePath))) this.fixInputsChanged();
      if (document.isConfigFile || (this.settings.run === 'onType' && this.isRelevant(document))) this.schedule(document);
      if (this.settings.run === 'onType') this.dependencyChanged(document.filePath);
    });
    connection.onDidSaveTextDocument(({ textDocument }) => {
      const document = this.documents.get(textDocument.uri);
      if (!document) return;
      const name = path.basename(document.filePath);
      if (CONFIG_AFFECTING_FILES.has(name)) {
        this.configChanged(`${name} saved`);
      } else if (this.settings.run === 'onSave' && this.isRelevant(document)) {
        this.schedule(document);
      }
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      const closed = this.documents.get(textDocument.uri)?.filePath;
      this.forget(textDocument.uri);
      void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
      // Its unsaved text is gone: specs that `$ref` it read the disk again.
      if (closed !== undefined) this.dependencyChanged(closed);
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      const filePaths = changes.map((change) => safeFilePath(change.uri) ?? '');
      const names = filePaths.map((filePath) => path.basename(filePath));
      if (names.some((name) => CONFIG_AFFECTING_FILES.has(name))) this.configChanged('watched config files changed');
      else if (names.some((name) => FIX_INPUT_FILES.has(name))) this.fixInputsChanged();
      // Open documents are indexed from the editor's text; the others from what the disk now has (or removed).
      for (const filePath of filePaths) {
        if (!filePath || this.documentsByPath.has(filePath)) continue;
        if (this.engine.isAnalysable(filePath) || isPrismaSchemaFile(filePath)) this.background?.fileChanged(filePath);
        this.dependencyChanged(filePath);
      }
    });
    connection.onDidChangeConfiguration(({ settings }) => void this.settingsChanged(settings));

    connection.onCodeAction(async ({ textDocument, range, context }, token) => {
      let document = this.documents.get(textDocument.uri);
      if (!document || !this.settings.enable || !this.engine.isAnalysable(document.filePath)) return [];
      // VS Code cancels code action requests as the cursor moves: stop waiting for the worker then.
      const result = await this.completeResult(document, (stop) => token.onCancellationRequested(stop));
      document = this.documents.get(textDocument.uri);
      if (!document || token.isCancellationRequested) return [];
      return codeActionsFor({
        document,
        findings: result.findings,
        range,
        only: context.only,
        openDocumentFor: (filePath) => this.documentsByPath.get(path.resolve(filePath)),
        disabledSupport: this.codeActionDisabledSupport,
        log: (message) => this.log(message),
      });
    });
    // Every action carries its edit or its command; Neovim still resolves any chosen action without an edit
    // (command-only actions), and must get it back unchanged or it runs nothing.
    connection.onCodeActionResolve((action: CodeAction) => action);
    connection.onExecuteCommand(async ({ command, arguments: args }) => {
      if (command === APPLY_FIX_COMMAND) await this.applyFix(args);
      else if (command === SHOW_RULE_DOCS_COMMAND) await this.showRuleDocs(args);
      else if (command === DISABLE_RULE_COMMAND) await this.disableRule(args);
      else this.logError(`unknown command ${command}`);
      return null;
    });
    connection.onRequest(ReportRequest.type, async ({ format, interactive, workDoneToken }: ReportParams & WorkDoneProgressParams, token) => {
      if (!REPORT_FORMATS.includes(format)) {
        throw new ResponseError(ErrorCodes.InvalidParams, `unknown report format "${String(format)}" (expected ${REPORT_FORMATS.join(', ')})`);
      }
      if (!this.background) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
      const started = performance.now();
      const progress = RequestProgress.begin(this.connection, {
        clientToken: workDoneToken,
        supported: this.workDoneProgressSupported,
        title: 'API Guard: building the security report',
        cancellable: true,
        log: (message) => this.log(message),
        nextToken: () => `apiguard-report-${this.nextReportToken++}`,
      });
      // The request's own cancellation and window/workDoneProgress/cancel on its progress both stop the scan.
      const onCancel = (stop: () => void) => {
        const requestCancel = token.onCancellationRequested(stop);
        if (progress) this.progressCancels.set(progress.token, stop);
        return {
          dispose: () => {
            requestCancel.dispose();
            if (progress) this.progressCancels.delete(progress.token);
          },
        };
      };
      const elapsed = () => (performance.now() - started).toFixed(0);
      try {
        const { content, counts } = await this.background.report(format, interactive, ({ percentage, message }) => progress?.report(percentage, message), onCancel);
        // The end goes out before the answer, so a client never sees progress of a request it has its answer to.
        await progress?.end(`${counts.files} ${counts.files === 1 ? 'file' : 'files'}`);
        this.log(`report (${format}) built in ${elapsed()} ms: ${counts.analysed} ${counts.analysed === 1 ? 'file' : 'files'} analysed, ${counts.reused} reused`);
        return { content };
      } catch (error) {
        if (error instanceof CancelledError) {
          await progress?.end('cancelled');
          this.log(`report (${format}) cancelled after ${elapsed()} ms`);
          throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the report request was cancelled');
        }
        await progress?.end('failed');
        const message = error instanceof Error ? error.message : String(error);
        this.logError(`report (${format}) failed: ${message}`);
        throw new ResponseError(ErrorCodes.InternalError, `API Guard could not build the report: ${message}`);
      }
    });
    connection.onRequest(RoutesRequest.type, async (token) => {
      if (!this.background) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
      try {
        return await this.background.routes((stop) => token.onCancellationRequested(stop));
      } catch (error) {
        if (error instanceof CancelledError) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the route inventory request was cancelled');
        const message = error instanceof Error ? error.message : String(error);
        this.logError(`route inventory failed: ${message}`);
        throw new ResponseError(ErrorCodes.InternalError, `API Guard could not list the routes: ${message}`);
      }
    });
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.workspaceRoots = workspaceRootsOf(params);
    this.engine = this.createEngine(this.workspaceRoots);
    this.backgroundRuleIds = new Set(
      [...this.engine.rules, ...this.engine.specRules].filter((rule) => rule.meta.requiresTypes || rule.meta.requiresApiModel).map((rule) => rule.meta.id),
    );
    this.specRuleIds = new Set(this.engine.specRules.map((rule) => rule.meta.id));
    this.background = new BackgroundAnalysis(
      this.workerScript,
      this.workspaceRoots,
      (filePath) => this.documentsByPath.get(filePath)?.text,
      (result) => this.typeAwareResultArrived(result),
      (message, isError) => (isError ? this.logError(message) : this.connection.console.warn(message)),
      () => this.documentsByPath.keys(),
      {
        indexing: (progress) => this.indexingProgressed(progress),
        affected: (filePaths) => {
          for (const filePath of filePaths) {
            const document = this.documentsByPath.get(filePath);
            if (document) this.reanalyseInBackground(document);
          }
        },
      },
    );
    this.workDoneProgressSupported = params.capabilities.window?.workDoneProgress === true;
    this.indexingProgress = new IndexingProgressReporter(this.connection, this.workDoneProgressSupported, (message) => this.log(message));
    // Registered here, after vscode-languageserver's own handler (set up before this one runs), which it replaces:
    // that one only cancels progress made with connection.window.createWorkDoneProgress, which this server never uses.
    this.connection.onNotification(WorkDoneProgressCancelNotification.type, ({ token }) => this.progressCancels.get(token)?.());
    this.canAskForConfiguration = params.capabilities.workspace?.configuration === true;
    this.codeActionDisabledSupport = params.capabilities.textDocument?.codeAction?.disabledSupport === true;
    this.showDocumentSupport = params.capabilities.window?.showDocument?.support === true;
    const docsUrlProblem = docsUrlEnvironmentProblem();
    if (docsUrlProblem) this.connection.console.warn(docsUrlProblem);
    const options = params.initializationOptions as Record<string, unknown> | undefined;
    this.settings = settingsFromPayload(options?.settings) ?? settingsFromPayload(options) ?? DEFAULT_SETTINGS;
    this.registrations = {
      watchedFiles: params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      configuration: params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_CODE_ACTION_KIND], resolveProvider: true },
        executeCommandProvider: { commands: [APPLY_FIX_COMMAND, SHOW_RULE_DOCS_COMMAND, DISABLE_RULE_COMMAND] },
      },
      serverInfo: { name: 'apiguard', version: SERVER_VERSION },
    };
  }

  private registrations = { watchedFiles: false, configuration: false };
  /** The client handles window/showDocument (LSP 3.16). */
  private showDocumentSupport = false;

  private async initialized(): Promise<void> {
    // Optional extras: a client without them still gets everything through static capabilities.
    if (this.registrations.watchedFiles) {
      const watchers = [CONFIG_FILE_NAME, 'package.json', 'tsconfig.json', 'jsconfig.json', ...FIX_INPUT_FILES].map((name) => ({ globPattern: `**/${name}` }));
      watchers.push({ globPattern: SCRIPT_FILES_GLOB }, { globPattern: PRISMA_SCHEMA_GLOB }, { globPattern: SPEC_FILES_GLOB });
      this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error) => this.logError(`file watcher registration failed: ${error}`));
    }
    if (this.registrations.configuration) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    // The worker starts indexing the workspace now; opening a file never waits for it.
    this.background?.start();
    if (this.canAskForConfiguration) await this.settingsChanged(undefined);
  }

  /**
   * Background indexing went on: shown as work-done progress when the client supports it, logged at the end. Then
   * the model is complete, so open documents get their model findings (missing-auth) from a fresh worker pass.
   */
  private indexingProgressed(progress: IndexingProgress & { stopped?: boolean }): void {
    if (this.shuttingDown) return;
    if (progress.phase === 'end') {
      const specs = progress.specs ? `, ${progress.specs} ${progress.specs === 1 ? 'spec' : 'specs'}` : '';
      this.log(progress.stopped ? 'indexing API routes stopped: the background worker failed' : `indexed API routes: ${progress.files} files, ${progress.routes ?? 0} routes${specs}`);
      if (!progress.stopped) for (const document of this.documents.values()) this.reanalyseInBackground(document);
    }
    this.indexingProgress?.update(progress);
  }

  /** Asks the worker for the document's complete analysis again: the model changed under it. */
  private reanalyseInBackground(document: OpenDocument): void {
    if (!this.settings.enable || document.isConfigFile || !this.engine.isAnalysable(document.filePath)) return;
    const result = this.results.get(document.uri);
    // Nothing of it runs in the worker (YAML/JSON that is no spec, a spec without model rules): the model is not its concern.
    if (result && result.changeCount === document.changeCount && !result.usesWorker) return;
    // No current result: the next analysis asks the worker anyway. With "run": "onSave" that is the next save:
    // analysing unsaved text now would publish what the user asked not to see until then.
    if (!result || result.changeCount !== document.changeCount) return this.settings.run === 'onSave' ? undefined : this.schedule(document);
    // Incomplete until the worker answers, so a code action waits for the model findings' fixes.
    this.results.set(document.uri, { ...result, complete: false });
    this.background!.request({ uri: document.uri, filePath: document.filePath, text: document.text, changeCount: document.changeCount, generation: this.fixInputsGeneration });
  }

  private shutdown(): void {
    // Eglot kills the process right after `exit`: everything that needs doing happens here.
    this.shuttingDown = true;
    this.indexingProgress?.dispose();
    this.background?.dispose();
    for (const waiter of this.completionWaiters) waiter.resolve();
    this.completionWaiters = [];
    this.scheduled.clear();
    this.documents.clear();
    this.documentsByPath.clear();
    this.results.clear();
  }

  private createEngine(workspaceRoots: string[]): Engine {
    // Open documents win over their saved copies (a fix reads the .env the user is editing, not the one on disk).
    const reader: FileSystemReader = {
      readFile: (filePath) => this.documentsByPath?.get(path.resolve(filePath))?.text ?? diskReader.readFile(filePath),
      fileExists: (filePath) => this.documentsByPath?.has(path.resolve(filePath)) || diskReader.fileExists(filePath),
    };
    return new Engine({ workspaceRoots, reader, keepLastValidConfig: true, log: (message) => this.connection.console.warn(message) });
  }

  private async settingsChanged(pushed: unknown): Promise<void> {
    let next = settingsFromPayload(pushed);
    if (!next && this.canAskForConfiguration) {
      try {
        // Always with a section: Neovim drops items without one.
        next = normalizeSettings(await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION }));
      } catch (error) {
        this.logError(`workspace/configuration failed, keeping current settings: ${error}`);
      }
    }
    if (!next || JSON.stringify(next) === JSON.stringify(this.settings)) return;
    this.settings = next;
    this.log(`settings: ${JSON.stringify(next)}`);
    this.revalidateAll();
  }

  private configChanged(why: string): void {
    this.log(`${why}: reloading apiguard.json and re-analysing open documents`);
    this.engine.invalidateConfig();
    this.background?.invalidateConfig();
    this.loggedOnce.clear();
    // Carried findings may be of rules just turned off or re-levelled: let the new analysis decide.
    for (const document of this.documents.values()) document.carriedFindings = [];
    this.revalidateAll();
  }

  /**
   * SHOW_RULE_DOCS_COMMAND: window/showDocument with the page's URI where the client has it (VS Code's client
   * renders our pages as a Markdown preview, client/docs.ts); otherwise the link in a message.
   */
  private async showRuleDocs(args: unknown[] | undefined): Promise<void> {
    try {
      const { ruleId } = parseShowRuleDocsArguments(args, new Set(allFindingMetas([...this.engine.rules, ...this.engine.specRules]).map((meta) => meta.id)));
      const uri = helpUrlFor(ruleId);
      if (this.showDocumentSupport) {
        const { success } = await this.connection.window.showDocument({ uri, external: !uri.startsWith('file:'), takeFocus: true });
        if (success) return;
        this.log(`${SHOW_RULE_DOCS_COMMAND}: the client did not show ${uri}`);
      }
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Documentation for "${ruleId}": ${uri}` });
    } catch (error) {
      this.commandFailed(SHOW_RULE_DOCS_COMMAND, 'API Guard could not show the documentation', error);
    }
  }

  /** DISABLE_RULE_COMMAND: the config is re-read at once when written on disk; an edited buffer counts once saved. */
  private async disableRule(args: unknown[] | undefined): Promise<void> {
    try {
      const { uri, ruleId } = parseDisableRuleArguments(args, new Set([...this.engine.rules, ...this.engine.specRules].map((rule) => rule.meta.id)));
      const filePath = safeFilePath(uri);
      if (!filePath) throw new RuleCommandError('the file is not on disk, so no apiguard.json applies to it');
      // The nearest config is cached per folder: one may have been created or deleted since.
      this.engine.invalidateConfig();
      const outcome = await executeDisableRule(path.resolve(filePath), ruleId, {
        configPathFor: (file) => this.engine.configs.configPathFor(file),
        workspaceRoots: this.workspaceRoots,
        openDocumentFor: (file) => this.documentsByPath.get(path.resolve(file)),
        applyEdit: async (label, edit) => (await this.connection.workspace.applyEdit({ label, edit })).applied,
      });
      this.log(`${DISABLE_RULE_COMMAND}: "${ruleId}" off in ${outcome.configPath} (${outcome.how})`);
      if (outcome.how !== 'edited in the editor') this.configChanged(`${CONFIG_FILE_NAME} ${outcome.how}`);
    } catch (error) {
      this.commandFailed(DISABLE_RULE_COMMAND, 'API Guard did not disable the rule', error);
    }
  }

  /** Logged, and shown as a notification (window/showMessageRequest would block Neovim/Eglot). */
  private commandFailed(command: string, shownPrefix: string, error: unknown): void {
    const known = error instanceof RuleCommandError;
    this.logError(`${command} failed: ${known ? (error as Error).message : String(error instanceof Error ? error.stack : error)}`);
    const message = `${shownPrefix}: ${error instanceof Error ? error.message : String(error)}`;
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
  }

  /** APPLY_FIX_COMMAND: every failure is logged and shown (an error message, never a blocking request). */
  private async applyFix(args: unknown[] | undefined): Promise<void> {
    try {
      const written = await executeFix(parseApplyFixArguments(args), {
        document: (uri) => this.documents.get(uri),
        openDocumentFor: (filePath) => this.documentsByPath.get(path.resolve(filePath)),
        // analyze(), not currentResult(): no cached result, and the engine reads .env/.gitignore anew.
        freshFindings: (document) => this.analyze(document).findings,
        applyEdit: async (label, edit) => (await this.connection.workspace.applyEdit({ label, edit })).applied,
      });
      this.log(`${APPLY_FIX_COMMAND}: wrote ${written.join(', ')}, then edited the code`);
      // Clients without file watchers never say so: a fix in a `$ref`'d file must still clear the spec's finding.
      for (const filePath of written) this.dependencyChanged(path.resolve(filePath));
    } catch (error) {
      const message = error instanceof FixError ? error.message : String(error instanceof Error ? error.stack : error);
      this.logError(`${APPLY_FIX_COMMAND} failed: ${message}`);
      // A notification: window/showMessageRequest (what connection.window.showErrorMessage sends) blocks Neovim/Eglot.
      const shown = `API Guard did not apply the fix: ${error instanceof Error ? error.message : String(error)}`;
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: shown });
    } finally {
      // Whatever happened on disk, fixes computed before are stale.
      this.fixInputsChanged();
    }
  }

  private fixInputsChanged(): void {
    this.fixInputsGeneration++;
    this.results.clear();
  }

  private revalidateAll(): void {
    this.fixInputsChanged();
    for (const document of this.documents.values()) {
      if (this.isRelevant(document)) this.schedule(document);
    }
  }

  private isRelevant(document: OpenDocument): boolean {
    return document.isConfigFile || this.engine.isAnalysable(document.filePath);
  }

  /** Drops everything kept for a document (on close, and before a re-open replaces it). */
  private forget(uri: string): void {
    const document = this.documents.get(uri);
    const ownsPath = document !== undefined && this.documentsByPath.get(document.filePath) === document;
    if (ownsPath) this.documentsByPath.delete(document.filePath);
    this.documents.delete(uri);
    this.results.delete(uri);
    this.scheduled.delete(uri);
    this.shownDiagnostics.delete(uri);
    this.forgetDependencies(uri);
    for (const key of this.loggedOnce) if (key.startsWith(`skip:${uri}:`)) this.loggedOnce.delete(key);
    if (ownsPath) this.engine.forgetFile(document.filePath);
    this.background?.documentClosed(uri, ownsPath ? document.filePath : undefined);
    this.resolveCompletionWaiters(uri);
  }

  /** Internal, for memory tests: the per-document state held now, on this thread and in the worker. */
  async perDocumentState() {
    // The worker first: its answer comes after the result of any analysis already sent to it (a closed document's
    // request in flight is then settled, not counted as held).
    const worker = await this.background?.inspectWorker();
    return {
      documents: [...this.documents.keys()],
      documentsByPath: [...this.documentsByPath.keys()],
      results: [...this.results.keys()],
      scheduled: [...this.scheduled.keys()],
      completionWaiters: this.completionWaiters.map((waiter) => waiter.uri),
      loggedOnce: [...this.loggedOnce].filter((key) => key.startsWith('skip:')),
      typeInfoFiles: [...this.engine.typeInfo.heldFilePaths()],
      specDependencies: [...this.specDependencies.keys()],
      shownDiagnostics: [...this.shownDiagnostics],
      parsedSpecFiles: [...this.engine.heldSpecFiles()],
      backgroundPending: this.background?.pending ?? 0,
      worker,
    };
  }

  /**
   * Analyses a document as soon as the messages already waiting have been read, with no timer. vscode-jsonrpc
   * handles one queued message per setImmediate turn, so a scheduled analysis hops one turn at a time and
   * starts only after a turn in which its document did not change: a burst of didChange messages collapses
   * into one analysis of the last version, while an isolated keystroke costs two turns (microseconds).
   */
  private schedule(document: OpenDocument): void {
    if (this.scheduled.has(document.uri)) return;
    this.scheduled.set(document.uri, -1);
    this.hop(document.uri);
  }

  private hop(uri: string): void {
    setImmediate(() => {
      const document = this.documents.get(uri);
      if (!document || this.shuttingDown || !this.scheduled.has(uri)) return;
      if (this.scheduled.get(uri) !== document.changeCount) {
        this.scheduled.set(uri, document.changeCount);
        return this.hop(uri);
      }
      this.scheduled.delete(uri);
      this.publish(document);
    });
  }

  private publish(document: OpenDocument): void {
    let diagnostics: Diagnostic[];
    let notApplicable = false;
    if (document.isConfigFile) {
      diagnostics = this.validateConfigDocument(document);
    } else if (!this.settings.enable) {
      diagnostics = [];
    } else {
      const result = this.currentResult(document);
      diagnostics = result.diagnostics;
      notApplicable = result.notApplicable === true;
    }
    // Analysis is synchronous, so this holds today; it keeps holding if analysis ever yields.
    if (this.documents.get(document.uri) !== document) return;
    this.sendDiagnostics(document, diagnostics, notApplicable);
    this.sendStatus();
  }

  /**
   * Publishes a document's diagnostics. YAML/JSON that is not a spec (package.json, CI workflows) gets nothing,
   * except one empty publish when it stops being a spec, to clear what was shown while it was one.
   */
  private sendDiagnostics(document: OpenDocument, diagnostics: Diagnostic[], notApplicable = false): void {
    const shown = this.shownDiagnostics.has(document.uri);
    if (notApplicable && !shown) return;
    if (diagnostics.length > 0) this.shownDiagnostics.add(document.uri);
    else this.shownDiagnostics.delete(document.uri);
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  /** The analysis of the document's current text: cached per change, computed now if stale. */
  private currentResult(document: OpenDocument): AnalysisResult {
    const cached = this.results.get(document.uri);
    if (cached && cached.changeCount === document.changeCount) return cached;
    const result = this.analyze(document);
    this.results.set(document.uri, result);
    if (!result.complete) {
      this.background!.request({ uri: document.uri, filePath: document.filePath, text: document.text, changeCount: document.changeCount, generation: this.fixInputsGeneration });
    }
    return result;
  }

  /** The current analysis including type-aware rules: waits for the background pass when it is still running. */
  private async completeResult(document: OpenDocument, onCancel: (stop: () => void) => { dispose(): void }): Promise<AnalysisResult> {
    const result = this.currentResult(document);
    if (result.complete) return result;
    await new Promise<void>((resolve) => {
      const waiter = { uri: document.uri, resolve: () => finish() };
      const timer = setTimeout(() => finish(), CODE_ACTION_WAIT_MS);
      const cancellation = onCancel(() => finish());
      const finish = () => {
        clearTimeout(timer);
        cancellation.dispose();
        this.completionWaiters = this.completionWaiters.filter((other) => other !== waiter);
        resolve();
      };
      this.completionWaiters.push(waiter);
    });
    return this.currentResult(document);
  }

  private resolveCompletionWaiters(uri: string): void {
    const waiting = this.completionWaiters.filter((waiter) => waiter.uri === uri);
    this.completionWaiters = this.completionWaiters.filter((waiter) => waiter.uri !== uri);
    for (const waiter of waiting) waiter.resolve();
  }

  private typeAwareResultArrived(arrived: TypeAwareResult): void {
    const document = this.documents.get(arrived.uri);
    // Stale: the document changed since, and its newer text is already queued for the worker.
    if (!document || document.changeCount !== arrived.changeCount || this.shuttingDown) return;
    // Computed before .env/.gitignore/config changed: its fixes would edit old contents. currentResult() asks
    // the worker again for this text.
    if (arrived.generation !== this.fixInputsGeneration) {
      if (!this.results.get(document.uri)?.complete) {
        this.results.delete(document.uri);
        this.currentResult(document);
      }
      return;
    }
    // Not currentResult(): that would queue yet another type-aware pass for the same text.
    const cached = this.results.get(document.uri);
    const current = cached && cached.changeCount === document.changeCount ? cached : this.analyze(document);
    let result: AnalysisResult;
    if (arrived.findings && !arrived.skipped) {
      document.carriedFindings = arrived.findings.filter((finding) => this.isTypeAwareFinding(finding)).map((finding) => ({ ...finding, fixes: [] }));
      result = { ...current, findings: arrived.findings, diagnostics: diagnosticsOf(arrived.findings, current.configNotice), complete: true };
    } else {
      if (arrived.error) this.logError(`type-aware analysis of ${document.filePath} v${document.version} failed, showing syntactic findings only: ${arrived.error}`);
      result = { ...current, complete: true };
    }
    if (this.settings.trace.server !== 'off') {
      this.log(`type-aware pass on ${document.filePath} v${document.version}: ${arrived.elapsedMs.toFixed(1)} ms in the worker, ${result.findings.length} findings`);
    }
    this.results.set(document.uri, result);
    this.resolveCompletionWaiters(document.uri);
    if (this.settings.enable) {
      this.sendDiagnostics(document, result.diagnostics, result.notApplicable);
      this.sendStatus();
    }
  }

  private isTypeAwareFinding(finding: Finding): boolean {
    if (this.backgroundRuleIds.has(finding.ruleId)) return true;
    if (finding.ruleId !== INTERNAL_ERROR.id && finding.ruleId !== UNUSED_SUPPRESSION.id) return false;
    return String(finding.data.ruleId ?? '').split(', ').some((id) => this.backgroundRuleIds.has(id));
  }

  /** The config without type-aware and model rules, for the main thread's immediate pass. */
  private syntacticConfig(config: ResolvedConfig): ResolvedConfig {
    let syntactic = this.syntacticConfigs.get(config);
    if (!syntactic) {
      syntactic = { ...config, rules: new Map([...config.rules].filter(([id]) => !this.backgroundRuleIds.has(id))) };
      this.syntacticConfigs.set(config, syntactic);
    }
    return syntactic;
  }

  /** True when the config enables a worker-only rule for scripts (type-aware or model rules; spec rules do not count). */
  private needsWorker(config: ResolvedConfig): boolean {
    for (const id of config.rules.keys()) if (this.backgroundRuleIds.has(id) && !this.specRuleIds.has(id)) return true;
    return false;
  }

  private analyze(document: OpenDocument): AnalysisResult {
    const base = { changeCount: document.changeCount, version: document.version, findings: [] as Finding[], complete: true };
    const started = performance.now();
    const { filePath } = document;
    try {
      let config;
      let configError;
      try {
        ({ config, error: configError } = this.engine.configs.resolve(filePath));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        this.logOnce(`config:${error.message}`, () => this.logError(`invalid config, not analysing ${filePath}: ${error.message}`));
        return { ...base, diagnostics: [invalidConfigDiagnostic(error)] };
      }
      if (configError) {
        const { message } = configError;
        this.logOnce(`config:${message}`, () => this.logError(`invalid config, analysing ${filePath} with the last valid one: ${message}`));
      }
      if (config.isIgnored(filePath)) {
        document.dropSourceFile();
        this.rememberDependencies(document.uri, undefined);
        return { ...base, diagnostics: [] };
      }
      const configNotice = configError && lastValidConfigDiagnostic(configError);
      if (isSpecCandidateFile(filePath)) return this.analyzeSpecDocument(document, config, configNotice, started);
      // Before any parsing: a 10 MB or binary document must not hold the event loop.
      const skipReason = reasonToSkip(document.text, config.maxFileSize);
      if (skipReason) {
        document.dropSourceFile();
        return this.skipped(document, skipReason);
      }
      let sourceFile;
      try {
        sourceFile = document.currentSourceFile();
      } catch (error) {
        // TypeScript's parser is recursive: pathological nesting overflows the stack. A skip, not a crash.
        if (!(error instanceof RangeError)) throw error;
        document.dropSourceFile();
        return this.skipped(document, TOO_DEEP_TO_PARSE);
      }
      const parsed = performance.now();
      const syntactic = this.syntacticConfig(config);
      const needsTypes = this.needsWorker(config);
      const analysis = this.engine.analyze(filePath, document.text, { sourceFile, config: syntactic });
      if (analysis.skipped) return this.skipped(document, analysis.skipped);
      const findings = needsTypes && document.carriedFindings.length > 0 ? mergeFindings(analysis.findings, document.carriedFindings) : analysis.findings;
      this.logTiming(document, analysis, started, parsed - started);
      return { ...base, findings, diagnostics: diagnosticsOf(findings, configNotice), complete: !needsTypes, usesWorker: needsTypes, configNotice };
    } catch (error) {
      // Loud, and never fatal: the next edit gets a fresh parse and another try.
      this.logError(`analysis of ${filePath} v${document.version} crashed: ${error instanceof Error ? error.stack : String(error)}`);
      document.dropSourceFile();
      return { ...base, diagnostics: [analysisFailedDiagnostic(error)] };
    }
  }

  /**
   * YAML/JSON: the engine decides whether the text is a spec (by content or "specs.include") with its own size
   * limit; no TypeScript parse. Rules that read the API model (spec/unimplemented-operation) run in the worker, and
   * every spec's text goes there even without them: the worker's index reads it for the route files' rules
   * (spec/undocumented-route, spec/auth-mismatch).
   */
  private analyzeSpecDocument(document: OpenDocument, config: ResolvedConfig, configNotice: Diagnostic | undefined, started: number): AnalysisResult {
    const base = { changeCount: document.changeCount, version: document.version, findings: [] as Finding[], complete: true };
    const analysis = this.engine.analyze(document.filePath, document.text, { config: this.syntacticConfig(config) });
    this.rememberDependencies(document.uri, analysis.dependencies);
    if (analysis.notApplicable) {
      document.carriedFindings = [];
      return { ...base, diagnostics: [], notApplicable: true };
    }
    if (analysis.skipped) return this.skipped(document, analysis.skipped);
    const findings = document.carriedFindings.length > 0 ? mergeFindings(analysis.findings, document.carriedFindings) : analysis.findings;
    this.logTiming(document, analysis, started, analysis.ruleTimings['spec-parse'] ?? 0);
    return { ...base, findings, diagnostics: diagnosticsOf(findings, configNotice), complete: false, usesWorker: true, configNotice };
  }

  private logTiming(document: OpenDocument, analysis: FileAnalysis, started: number, parseMs: number): void {
    const elapsed = performance.now() - started;
    if (this.settings.trace.server === 'off' && elapsed <= SLOW_ANALYSIS_MS) return;
    const slowest = Object.entries(analysis.ruleTimings).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, ms]) => `${id} ${ms.toFixed(1)}`).join(', ');
    const line = `analysed ${document.filePath} v${document.version} in ${elapsed.toFixed(1)} ms (parse ${parseMs.toFixed(1)} ms; rules: ${slowest || 'none'}): ${analysis.findings.length} findings`;
    if (elapsed > SLOW_ANALYSIS_MS) this.connection.console.warn(`slow analysis: ${line}`);
    else this.log(line);
  }

  /** Keeps the files a spec's analysis read through `$ref`s; a file nothing else reads any more leaves the parse cache. */
  private rememberDependencies(uri: string, dependencies: readonly string[] | undefined): void {
    const previous = this.specDependencies.get(uri);
    if (dependencies && dependencies.length > 0) this.specDependencies.set(uri, dependencies);
    else this.specDependencies.delete(uri);
    if (previous) this.releaseParses(previous.filter((filePath) => !dependencies?.includes(filePath)));
  }

  private forgetDependencies(uri: string): void {
    const previous = this.specDependencies.get(uri);
    this.specDependencies.delete(uri);
    if (previous) this.releaseParses(previous);
  }

  /** Drops cached parses of `$ref` targets that no open spec reads and that are not open themselves. */
  private releaseParses(filePaths: readonly string[]): void {
    for (const filePath of filePaths) {
      if (this.documentsByPath.has(filePath)) continue;
      if ([...this.specDependencies.values()].some((dependencies) => dependencies.includes(filePath))) continue;
      this.engine.forgetFile(filePath);
    }
  }

  /**
   * A file changed (an open document's edit, open or close, a watched file, a fix written to disk): the open specs
   * whose last analysis read it through a `$ref` are analysed again.
   */
  private dependencyChanged(filePath: string): void {
    for (const [uri, dependencies] of this.specDependencies) {
      if (!dependencies.includes(filePath)) continue;
      const document = this.documents.get(uri);
      if (!document || document.filePath === filePath) continue;
      // A worker result for the same text may be in flight, computed from the target's old text: it must not land.
      document.inputsChanged();
      this.results.delete(uri);
      this.schedule(document);
    }
  }

  private skipped(document: OpenDocument, reason: string): AnalysisResult {
    this.logOnce(`skip:${document.uri}:${reason}`, () => this.log(`${document.filePath}: ${reason}`));
    return { changeCount: document.changeCount, version: document.version, findings: [], diagnostics: [skippedFileDiagnostic(reason)], complete: true };
  }

  /** An open apiguard.json is checked as the user types, with the error where it is. */
  private validateConfigDocument(document: OpenDocument): Diagnostic[] {
    try {
      parseConfig(document.filePath, document.text, this.engine.rules);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return [configFileDiagnostic(error, document.text)];
      this.logError(`validating ${document.filePath} crashed: ${error instanceof Error ? error.stack : String(error)}`);
      return [analysisFailedDiagnostic(error)];
    }
  }

  private sendStatus(): void {
    let errors = 0;
    let warnings = 0;
    for (const result of this.results.values()) {
      for (const finding of result.findings) {
        if (finding.severity === 'error') errors++;
        else if (finding.severity === 'warning') warnings++;
      }
    }
    void this.connection.sendNotification(StatusNotification.type, { errors, warnings, pending: this.scheduled.size + (this.background?.pending ?? 0) });
  }

  private log(message: string): void {
    this.connection.console.log(message);
  }

  private logError(message: string): void {
    this.connection.console.error(message);
  }

  private logOnce(key: string, write: () => void): void {
    if (this.loggedOnce.has(key)) return;
    this.loggedOnce.add(key);
    write();
  }
}

declare const APIGUARD_VERSION: string | undefined;
const SERVER_VERSION = typeof APIGUARD_VERSION === 'string' ? APIGUARD_VERSION : '0.1.0';

function diagnosticsOf(findings: readonly Finding[], configNotice: Diagnostic | undefined): Diagnostic[] {
  const diagnostics = findings.map(toDiagnostic);
  if (configNotice) diagnostics.unshift(configNotice);
  return diagnostics;
}

function mergeFindings(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  return [...a, ...b].sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || x.ruleId.localeCompare(y.ruleId));
}

function workspaceRootsOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const roots = uris.map(safeFilePath).filter((root): root is string => root !== undefined);
  if (roots.length === 0 && params.rootPath) roots.push(path.resolve(params.rootPath));
  return roots;
}

function safeFilePath(uri: string): string | undefined {
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
