// Rule pages open rendered (Markdown preview) inside VS Code, not as source text. Two ways in:
// - "Show documentation for <rule>" (and anything else that runs apiguard.showRuleDocs) makes the server send
//   window/showDocument with the page's `file:` URI; this middleware renders pages of the extension's own docs/.
// - A diagnostic's code link (Problems panel, hover) is opened by the workbench itself, which does not run command
//   URIs from there; package.json's configurationDefaults associate the installed docs/ with the Markdown preview.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/** A page under the extension's docs/ (other URIs, public docs URLs included, open as the client would). */
export function isShippedDocPage(context: vscode.ExtensionContext, uri: vscode.Uri): boolean {
  if (uri.scheme !== 'file' || path.extname(uri.fsPath) !== '.md') return false;
  const relative = path.relative(context.asAbsolutePath('docs'), uri.fsPath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export function docsMiddleware(context: vscode.ExtensionContext): Middleware {
  return {
    window: {
      showDocument: async (params, next) => {
        const uri = vscode.Uri.parse(params.uri);
        if (!isShippedDocPage(context, uri)) {
          const result = await next(params, new vscode.CancellationTokenSource().token);
          return 'success' in result ? result : { success: false };
        }
        await vscode.commands.executeCommand('markdown.showPreview', uri);
        return { success: true };
      },
    },
  };
}
