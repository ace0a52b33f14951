// The text of the shipped doc pages, for SARIF's rule help. Run from source (tests through tsx) it is read from
// docs/; the bundles embed every page at build time instead (esbuild.mjs replaces this module with a generated
// one exporting the same function), so dist/cli.js carries the help text wherever it is installed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shippedDocsDir } from '../engine/docs-links';

/** `page` relative to docs/ (`rules/hardcoded-secret.md`); undefined when there is no such page. */
export function docPageText(page: string): string | undefined {
  try {
    return fs.readFileSync(path.join(shippedDocsDir(), ...page.split('/')), 'utf8');
  } catch {
    return undefined;
  }
}
