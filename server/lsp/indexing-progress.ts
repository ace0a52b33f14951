// Background indexing shown as LSP work-done progress ("Indexing API routes", with file counts), for clients that
// announce `window.workDoneProgress`; others get nothing (Neovim 0.7 and Eglot work without it). Each indexing pass
// gets its own token; every notification waits for the client's answer to the create request and for the one
// before, so begin, reports and end arrive in order, and none is sent for a token the client refused.
import { WorkDoneProgress, WorkDoneProgressCreateRequest, type Connection, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver';
import type { IndexingProgress } from './workspace-indexer';

interface ProgressBar {
  token: string;
  created: Promise<boolean>;
}

export class IndexingProgressReporter {
  private current: ProgressBar | undefined;
  private sends: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly supported: boolean,
    private readonly log: (message: string) => void,
  ) {}

  update(progress: IndexingProgress & { stopped?: boolean }): void {
    if (!this.supported || this.stopped) return;
    if (progress.phase === 'begin') {
      const token = `apiguard-indexing-${this.nextId++}`;
      const created = this.connection.sendRequest(WorkDoneProgressCreateRequest.type, { token }).then(
        () => true,
        (error) => {
          this.log(`the client refused a progress token; indexing goes on without progress: ${error}`);
          return false;
        },
      );
      this.current = { token, created };
      this.send(this.current, { kind: 'begin', title: 'Indexing API routes', message: '0 files', cancellable: false });
      return;
    }
    const bar = this.current;
    if (!bar) return;
    if (progress.phase === 'report') return this.send(bar, { kind: 'report', message: `${progress.files} files` });
    this.current = undefined;
    const specs = progress.specs ? `, ${progress.specs} ${progress.specs === 1 ? 'spec' : 'specs'}` : '';
    this.send(bar, { kind: 'end', message: progress.stopped ? 'stopped' : `${progress.files} files, ${progress.routes ?? 0} routes${specs}` });
  }

  /** Shutting down: nothing more is sent. */
  dispose(): void {
    this.stopped = true;
  }

  private send(bar: ProgressBar, value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd): void {
    this.sends = this.sends
      .then(() => bar.created)
      .then((ok) => (ok && !this.stopped ? this.connection.sendProgress(WorkDoneProgress.type, bar.token, value) : undefined))
      .catch(() => undefined);
  }
}
