// Background indexing shown as LSP work-done progress ("Indexing API routes", with file counts), for clients that
// announce `window.workDoneProgress`; others get nothing (Neovim 0.7 and Eglot work without it). Each indexing pass
// gets its own token; every notification waits for the client's answer to the create request and for the one
// before, so begin, reports and end arrive in order, and none is sent for a token the client refused. The security
// report's progress (RequestProgress, below) follows the same idiom, on the client's token when it sent one.
import { WorkDoneProgress, WorkDoneProgressCreateRequest, type Connection, type ProgressToken, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver';
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

/**
 * Work-done progress of one request (the security report): on the token the client put in the request, else on one
 * the server creates when the client announced `window.workDoneProgress`, else nothing. Same ordering as above:
 * every notification waits for the create request's answer and for the one before; percentages never go down.
 */
export class RequestProgress {
  private sends: Promise<unknown>;
  private percentage = 0;
  private ended = false;

  private constructor(
    private readonly connection: Connection,
    readonly token: ProgressToken,
    private readonly created: Promise<boolean>,
    begin: WorkDoneProgressBegin,
  ) {
    this.sends = Promise.resolve();
    this.send(begin);
  }

  /** Undefined when the client neither gave a token nor supports server-created ones. */
  static begin(
    connection: Connection,
    options: { clientToken: ProgressToken | undefined; supported: boolean; title: string; cancellable: boolean; log: (message: string) => void; nextToken: () => string },
  ): RequestProgress | undefined {
    const begin: WorkDoneProgressBegin = { kind: 'begin', title: options.title, cancellable: options.cancellable, percentage: 0 };
    if (options.clientToken !== undefined) return new RequestProgress(connection, options.clientToken, Promise.resolve(true), begin);
    if (!options.supported) return undefined;
    const token = options.nextToken();
    const created = connection.sendRequest(WorkDoneProgressCreateRequest.type, { token }).then(
      () => true,
      (error) => {
        options.log(`the client refused a progress token; going on without progress: ${error}`);
        return false;
      },
    );
    return new RequestProgress(connection, token, created, begin);
  }

  report(percentage: number, message: string): void {
    if (this.ended) return;
    this.percentage = Math.max(this.percentage, Math.min(100, Math.round(percentage)));
    this.send({ kind: 'report', percentage: this.percentage, message });
  }

  /** Resolves once the end has been sent (or dropped: a refused token). */
  end(message: string): Promise<unknown> {
    if (this.ended) return this.sends;
    this.ended = true;
    this.send({ kind: 'end', message });
    return this.sends;
  }

  private send(value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd): void {
    this.sends = this.sends
      .then(() => this.created)
      .then((ok) => (ok ? this.connection.sendProgress(WorkDoneProgress.type, this.token, value) : undefined))
      .catch(() => undefined);
  }
}
