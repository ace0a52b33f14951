// Entry point of dist/server.js: `node dist/server.js --stdio` (Neovim, Eglot, any LSP client); the VS Code
// client starts the same bundle (over --node-ipc). transport.ts sets up --stdio and --node-ipc; vscode-languageserver
// picks any other transport from the command line.
// The same bundle also runs as the worker thread for type-aware rules and reports (see background-analysis.ts).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ApiGuardServer } from './server';
import { isBackgroundWorker, runBackgroundWorker } from './background-analysis';
import { transportFromArguments } from './transport';

if (isBackgroundWorker()) {
  runBackgroundWorker();
} else {
  const transport = transportFromArguments(process.argv, {
    logError: (message) => process.stderr.write(`${message}\n`),
    exit: (code) => process.exit(code),
  });
  const connection = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all);

  // Eglot restarts a crashed server silently, so a crash would go unnoticed: log it loudly and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`API Guard server: uncaught exception: ${error.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`API Guard server: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));

  new ApiGuardServer(connection, __filename).listen();
}
