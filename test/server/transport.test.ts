// The wire itself: framing errors end the server with a log line (the client restarts it) instead of wedging it,
// and requests before `initialize` get LSP's ServerNotInitialized error. Raw bytes over stdio, no client library.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { describe, it } from 'node:test';
import { SERVER_PATH } from './lsp-test-client';

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

interface RawServer {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

function startServer(): RawServer {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** The JSON bodies written so far (the server writes whole frames). */
function responses(stdout: string): { id?: number; result?: unknown; error?: { code: number; message: string } }[] {
  return stdout.split(/Content-Length: \d+\r\n\r\n/).filter((body) => body !== '').map((body) => JSON.parse(body));
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

describe('framing errors on stdin', () => {
  const cases = [
    { name: 'a header without Content-Length', bytes: 'Content-Type: application/json\r\n\r\n{}', error: 'Header must provide a Content-Length property.' },
    { name: 'a non-numeric Content-Length', bytes: 'Content-Length: many\r\n\r\n{}', error: 'Content-Length value must be a number. Got many' },
    { name: 'a negative Content-Length', bytes: 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0"}', error: /JSON at position \d+/ },
    { name: 'a Content-Length shorter than the body', bytes: `Content-Length: 10\r\n\r\n${JSON.stringify(INITIALIZE)}`, error: /JSON at position \d+/ },
    { name: 'a header line without a colon', bytes: 'garbage\r\n\r\n', error: "Message header must separate key and value using ':'" },
  ];
  for (const { name, bytes, error } of cases) {
    it(`${name}: logs it and exits 1`, async () => {
      const server = startServer();
      server.child.stdin.write(bytes);
      assert.equal(await server.exited, 1);
      const prefix = 'API Guard server: unreadable message from the client, exiting so it can restart the server: ';
      // The reader's own words; a body cut at the wrong length fails in JSON.parse, whose wording is Node's.
      if (typeof error === 'string') assert.equal(server.stderr(), `${prefix}${error}\n`);
      else assert.match(server.stderr(), new RegExp(`^${prefix}.*${error.source}\n$`));
    });
  }

  it('a Content-Length longer than the body, then silence: exits once the reader has waited 10 s', async () => {
    const server = startServer();
    server.child.stdin.write(`Content-Length: 500\r\n\r\n${JSON.stringify(INITIALIZE)}`);
    assert.equal(await server.exited, 1);
    assert.equal(server.stderr(), 'API Guard server: a message stayed shorter than its Content-Length for 10000 ms, exiting so the client can restart the server\n');
  });

  it('after a good session too: the error mid-stream ends the server', async () => {
    const server = startServer();
    server.child.stdin.write(frame(INITIALIZE));
    await waitFor(() => responses(server.stdout()).some((response) => response.id === 1), 'the initialize response');
    server.child.stdin.write('Content-Length: x\r\n\r\n');
    assert.equal(await server.exited, 1);
    assert.match(server.stderr(), /unreadable message from the client, exiting so it can restart the server: Content-Length value must be a number\. Got x\n$/);
  });
});

describe('messages before initialize', () => {
  it('answers requests with ServerNotInitialized, drops notifications, then serves normally', async () => {
    const server = startServer();
    try {
      const uri = 'file:///tmp/apiguard-preinit/app.ts';
      server.child.stdin.write(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'typescript', version: 0, text: 'x' } } }));
      server.child.stdin.write(
        frame({ jsonrpc: '2.0', id: 7, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } } }),
      );
      await waitFor(() => responses(server.stdout()).length >= 1, 'the code action answer');
      assert.deepEqual(responses(server.stdout()), [
        { jsonrpc: '2.0', id: 7, error: { code: -32002, message: 'the server is not initialized: send "initialize" before "textDocument/codeAction"' } },
      ]);

      server.child.stdin.write(frame(INITIALIZE));
      server.child.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
      server.child.stdin.write(
        frame({ jsonrpc: '2.0', id: 8, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } } }),
      );
      await waitFor(() => responses(server.stdout()).some((response) => response.id === 8), 'the second code action answer');
      const answers = responses(server.stdout());
      assert.ok(answers.some((answer) => answer.id === 1 && answer.result !== undefined), 'initialize answered');
      // The didOpen sent before initialize was dropped: the document is unknown, so there is nothing to offer.
      assert.deepEqual(answers.find((answer) => answer.id === 8)?.result, []);
      assert.equal(answers.some((answer) => (answer as { method?: string }).method === 'textDocument/publishDiagnostics'), false);

      server.child.stdin.write(frame({ jsonrpc: '2.0', id: 9, method: 'shutdown' }));
      await waitFor(() => responses(server.stdout()).some((response) => response.id === 9), 'the shutdown answer');
      server.child.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
      assert.equal(await server.exited, 0);
    } finally {
      server.child.kill();
    }
  });

  it('a closed stdin without shutdown exits 1, after shutdown 0', async () => {
    const server = startServer();
    server.child.stdin.end();
    assert.equal(await server.exited, 1);
    const polite = startServer();
    polite.child.stdin.write(frame(INITIALIZE));
    polite.child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
    await waitFor(() => responses(polite.stdout()).some((response) => response.id === 2), 'the shutdown answer');
    polite.child.stdin.end();
    assert.equal(await polite.exited, 0);
  });
});
