// The link the server and the CLI emit for a doc page when no public docs URL is configured: a `file:` URI to the
// page in this checkout's docs/ (the bundles in dist/ and the sources under tsx both resolve to it).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const DOCS_DIR = path.resolve(__dirname, '../../docs');

/** `page` relative to docs/, e.g. `rules/hardcoded-secret.md`. */
export function docsHref(page: string): string {
  return pathToFileURL(path.join(DOCS_DIR, page)).href;
}
