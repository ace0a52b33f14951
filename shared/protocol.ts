// Requests, notifications and commands shared by the client and the server (vscode-eslint's idiom).
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/**
 * A fix that writes files the editor does not have open (.env, .gitignore): the server recomputes it, writes
 * those files, then edits the code through workspace/applyEdit (see server/lsp/fix-command.ts).
 */
export const APPLY_FIX_COMMAND = 'apiguard.applyFix';

/** Opens a rule's doc page: the server sends window/showDocument with its URI (or shows the link). Args: `[{ ruleId }]`. */
export const SHOW_RULE_DOCS_COMMAND = 'apiguard.showRuleDocs';

/**
 * Turns a rule off in the apiguard.json that applies to a file (created in its workspace folder if there is none):
 * through workspace/applyEdit when that file is open in the editor, else on disk. Args: `[{ uri, ruleId }]`.
 */
export const DISABLE_RULE_COMMAND = 'apiguard.disableRule';

export const FIX_ALL_CODE_ACTION_KIND = 'source.fixAll.apiguard';

/** Pushed after each analysis so the client can show a finding count without counting diagnostics itself. */
export interface StatusParams {
  /** Findings in open documents, by severity. */
  errors: number;
  warnings: number;
  /** Analyses in progress or queued. */
  pending: number;
}

export namespace StatusNotification {
  export const method = 'apiguard/status';
  export const type = new NotificationType<StatusParams>(method);
}

export interface ReportParams {
  format: 'html' | 'markdown' | 'json' | 'sarif';
  /**
   * html only: the report is shown in a VS Code webview. Its one script carries this nonce (the page's CSP allows
   * only it), links post `ReportWebviewMessage`s instead of navigating, and styles may use `cspSource`.
   */
  interactive?: { nonce: string; cspSource: string };
}

export interface ReportResult {
  content: string;
}

export namespace ReportRequest {
  export const method = 'apiguard/report';
  export const type = new RequestType<ReportParams, ReportResult, void>(method);
}

/**
 * What the interactive report's script posts to the extension (`acquireVsCodeApi().postMessage`). Positions are
 * 0-based, UTF-16, as in LSP; `file` is a file URI.
 */
export type ReportWebviewMessage =
  | { type: 'open'; file: string; line: number; character: number; endLine: number; endCharacter: number }
  | { type: 'refresh' }
  | { type: 'export'; format: ReportParams['format'] }
  | { type: 'showDocs'; ruleId: string };

/** How a route is authenticated, flattened for display (see rules/support/api-model.ts RouteAuth). */
export interface RouteInventoryAuth {
  status: 'authenticated' | 'public' | 'none' | 'unknown';
  /** authenticated: the middleware, guard or handler that authenticates (`passport.authenticate('jwt')`). */
  by?: string;
  /** authenticated: how that was decided (`passport (library)`, `listed in apiguard.json "auth.middleware"`). */
  how?: string;
  /** authenticated: the role or permission check on the path, when there is one. */
  authorization?: string;
  /** public: why (`login endpoint`, `marked public: …`). */
  reason?: string;
  /** unknown: what could not be resolved; none: the check that responds without returning, when there is one. */
  why?: string;
}

export interface RouteInventoryEntry {
  /** Upper case; `ALL` for routes that answer every method. */
  method: string;
  /** The full path with every prefix (`:name` parameters, `*` for a computed segment). */
  path: string;
  framework: string;
  /** The server gives a file URI; `apiguard routes --format json` a path relative to the current folder. */
  file: string;
  /** 1-based line of the declaration. */
  line: number;
  handler: string;
  auth: RouteInventoryAuth;
  /** Mounts from the outermost app inwards: the path mounted at, and where. */
  mounts: { path: string; file: string; line: number }[];
  /** Every middleware/guard on the route's path, outermost first. */
  chain: string[];
  /** What the model could not know about this route. */
  notes: string[];
}

export interface RoutesResult {
  /** False when the workspace could not be indexed whole (no folder open): verdicts may miss mounts elsewhere. */
  complete: boolean;
  /** Sorted by path, then method. */
  routes: RouteInventoryEntry[];
  /** Routes that exist but could not be listed (generated from computed lists, autoloaded folders): what and where. */
  unmodelled: { framework: string; what: string; file: string; line: number }[];
}

/** A route as the report's API inventory lists it (the JSON report's `inventory.routes`). */
export interface ReportRouteEntry extends RouteInventoryEntry {
  /** Findings shown in the report that lie in this route's handler (or on its declaration), by severity. */
  findings: { error: number; warning: number; info: number; hint: number };
  /** Whether an OpenAPI operation in the workspace documents this route; absent when the workspace has no spec. */
  documented?: boolean;
}

/** The workspace's route inventory; answered once background indexing has finished. */
export namespace RoutesRequest {
  export const method = 'apiguard/routes';
  export const type = new RequestType0<RoutesResult, void>(method);
}
