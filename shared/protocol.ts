// Requests, notifications and commands shared by the client and the server (vscode-eslint's idiom).
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/**
 * A fix that writes files the editor does not have open (.env, .gitignore): the server recomputes it, writes
 * those files, then edits the code through workspace/applyEdit (see server/lsp/fix-command.ts).
 */
export const APPLY_FIX_COMMAND = 'apiguard.applyFix';

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
}

export interface ReportResult {
  content: string;
}

export namespace ReportRequest {
  export const method = 'apiguard/report';
  export const type = new RequestType<ReportParams, ReportResult, void>(method);
}
