// Entry point of dist/server.js: `node dist/server.js --stdio` (Neovim, Eglot, any LSP client); the VS Code
// client starts the same bundle. vscode-languageserver picks the transport from the command line.
// The same bundle also runs as the worker thread for type-aware rules (see type-aware-pass.ts).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ApiGuardServer } from './server';
import { isTypeAwareWorker, runTypeAwareWorker } from './type-aware-pass';

if (isTypeAwareWorker()) {
  runTypeAwareWorker();
} else {
  const connection = createConnection(ProposedFeatures.all);

  // Eglot restarts a crashed server silently, so a crash would go unnoticed: log it loudly and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`API Guard server: uncaught exception: ${error.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`API Guard server: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));

  new ApiGuardServer(connection, __filename).listen();
}
