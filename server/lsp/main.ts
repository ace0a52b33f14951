// Entry point of dist/server.js: `node dist/server.js --stdio` (Neovim, Eglot, any LSP client); the VS Code
// client starts the same bundle. vscode-languageserver picks the transport from the command line.
// The same bundle also runs as the worker thread for type-aware rules and reports (see background-analysis.ts).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ApiGuardServer } from './server';
import { isBackgroundWorker, runBackgroundWorker } from './background-analysis';

if (isBackgroundWorker()) {
  runBackgroundWorker();
} else {
  const connection = createConnection(ProposedFeatures.all);

  // Eglot restarts a crashed server silently, so a crash would go unnoticed: log it loudly and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`API Guard server: uncaught exception: ${error.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`API Guard server: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));

  new ApiGuardServer(connection, __filename).listen();
}
