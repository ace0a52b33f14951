// Requests, notifications and commands shared by the client and the server (vscode-eslint's idiom).
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** The server executes this command to write files an editor edit cannot reach (see server/lsp/file-edits.ts). */
export const APPLY_FILE_EDITS_COMMAND = 'apiguard.applyFileEdits';

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
