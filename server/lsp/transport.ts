// The server's end of the wire, made here rather than by vscode-languageserver from the command line, for two
// things the library does not do: a framing error (a missing, non-numeric or wrong Content-Length, garbage
// between messages) leaves its reader stuck on a buffer it can never parse, so the server exits with a log line
// instead and the client restarts it (a header that never ends gives the reader no signal, and is not caught); and a request before `initialize` gets LSP's ServerNotInitialized error
// (notifications then are dropped, except `exit`) instead of reaching a server with no workspace yet.
import { format } from 'node:util';
import {
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  Message,
  StreamMessageReader,
  StreamMessageWriter,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
} from 'vscode-languageserver/node';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
}

export interface TransportOptions {
  /** Writes a line to the server's log (stderr): the client may be gone, so not through the connection. */
  logError(message: string): void;
  /** Ends the process; `code` 1 makes clients that watch the server restart it. */
  exit(code: number): void;
}

/**
 * The transport named on the command line (`--stdio`, `--node-ipc`), or undefined for any other, which the
 * library then sets up as before.
 */
export function transportFromArguments(argv: readonly string[], options: TransportOptions): Transport | undefined {
  if (argv.includes('--stdio')) {
    // What the library does for --stdio: console output must never reach stdout, which carries the protocol.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      console[method] = (...args: unknown[]) => process.stderr.write(`${format(...args)}\n`);
    }
    const transport = gatedTransport(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout), options);
    // A closed stdin ends the session, as it does in the library's own --stdio set-up.
    process.stdin.on('end', () => options.exit(transport.shutdownRequested() ? 0 : 1));
    process.stdin.on('close', () => options.exit(transport.shutdownRequested() ? 0 : 1));
    return transport;
  }
  if (argv.includes('--node-ipc')) return gatedTransport(new IPCMessageReader(process), new IPCMessageWriter(process), options);
  return undefined;
}

/** Wraps a reader: exits on a read error, and answers requests that arrive before `initialize`. */
export function gatedTransport(inner: MessageReader, writer: MessageWriter, options: TransportOptions): Transport & { shutdownRequested(): boolean } {
  let initializeReceived = false;
  let shutdownReceived = false;
  inner.onError((error) => {
    options.logError(`API Guard server: unreadable message from the client, exiting so it can restart the server: ${firstLine(error)}`);
    options.exit(1);
  });
  // The reader reports a body still incomplete after 10 s without a byte: a Content-Length longer than the body
  // the client sent. Waiting longer would swallow the client's next messages as the rest of this one.
  inner.onPartialMessage(({ waitingTime }) => {
    options.logError(`API Guard server: a message stayed shorter than its Content-Length for ${waitingTime} ms, exiting so the client can restart the server`);
    options.exit(1);
  });
  const reader: MessageReader = {
    onError: inner.onError,
    onClose: inner.onClose,
    onPartialMessage: inner.onPartialMessage,
    dispose: () => inner.dispose(),
    listen(callback: DataCallback): Disposable {
      return inner.listen((message) => {
        if (Message.isRequest(message) && message.method === 'shutdown') shutdownReceived = true;
        if (initializeReceived || isInitializeOrExit(message)) {
          if (Message.isRequest(message) && message.method === 'initialize') initializeReceived = true;
          callback(message);
        } else if (Message.isRequest(message)) {
          void writer.write(notInitializedError(message));
        }
        // Any other notification before `initialize` is dropped, as LSP asks.
      });
    },
  };
  return { reader, writer, shutdownRequested: () => shutdownReceived };
}

function isInitializeOrExit(message: Message): boolean {
  return (Message.isRequest(message) && message.method === 'initialize') || (Message.isNotification(message) && message.method === 'exit');
}

function notInitializedError(request: RequestMessage): Message {
  return {
    jsonrpc: '2.0',
    id: request.id,
    error: { code: ErrorCodes.ServerNotInitialized, message: `the server is not initialized: send "initialize" before "${request.method}"` },
  } as Message;
}

function firstLine(error: Error): string {
  return error.message.split('\n', 1)[0]!;
}
