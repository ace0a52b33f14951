// The one place that decides where a finding's doc page is reached from: diagnostics (`codeDescription.href`),
// code actions, SARIF/JSON `helpUri` and the reports' links all ask `helpUrlFor`. Default: a `file:` URI to the
// page shipped beside the running bundle (docs/ next to dist/), which works offline in every editor. A public docs
// site is opt-in: the APIGUARD_DOCS_URL environment variable (server and CLI) or the CLI's --docs-url.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsPageFor } from '../../rules/support/rule';
import { ENGINE_FINDING_METAS, engineDocsPage } from './engine-findings';

export const DOCS_URL_ENV = 'APIGUARD_DOCS_URL';

export class DocsUrlError extends Error {}

/** The page relative to docs/: `rules/<id>.md` (`spec/x` → `rules/spec-x.md`), `engine/<id>.md` for the engine's own. */
export function docsPagePath(ruleId: string): string {
  return ENGINE_FINDING_METAS.some((meta) => meta.id === ruleId) ? engineDocsPage(ruleId) : docsPageFor(ruleId);
}

/** The shipped page on disk (it may be missing for an id no rule has). */
export function docsFileFor(ruleId: string): string {
  return path.join(shippedDocsDir(), ...docsPagePath(ruleId).split('/'));
}

/** The link every front end shows: the configured public page, else the shipped page's `file:` URI. */
export function helpUrlFor(ruleId: string): string {
  const base = publicDocsBaseUrl();
  return base ? new URL(docsPagePath(ruleId), base).href : pathToFileURL(docsFileFor(ruleId)).href;
}

/** The public page, only when a public docs URL is configured (SARIF `helpUri`). */
export function publicHelpUrlFor(ruleId: string): string | undefined {
  const base = publicDocsBaseUrl();
  return base ? new URL(docsPagePath(ruleId), base).href : undefined;
}

let configuredBase: { url: string | undefined } | undefined;

/** The configured base (ending in `/`), read from APIGUARD_DOCS_URL on first use unless set; an invalid value is ignored. */
export function publicDocsBaseUrl(): string | undefined {
  if (!configuredBase) {
    let url: string | undefined;
    try {
      url = parseDocsBaseUrl(process.env[DOCS_URL_ENV]);
    } catch {
      url = undefined;
    }
    configuredBase = { url };
  }
  return configuredBase.url;
}

/** Why APIGUARD_DOCS_URL is ignored, if it is set and invalid (the server logs it once at start-up). */
export function docsUrlEnvironmentProblem(): string | undefined {
  try {
    parseDocsBaseUrl(process.env[DOCS_URL_ENV]);
    return undefined;
  } catch (error) {
    return `${DOCS_URL_ENV} is ignored (rule links stay file: URIs): ${(error as Error).message}`;
  }
}

/** Sets the public docs base for this process (the CLI's --docs-url); undefined means none: links are `file:` URIs. */
export function setPublicDocsBaseUrl(value: string | undefined): void {
  configuredBase = { url: parseDocsBaseUrl(value) };
}

/**
 * An http(s) URL under which docs/ is served (`https://example.com/apiguard/docs` serves
 * `…/docs/rules/hardcoded-secret.md`); a trailing `/` is added. Empty means none. Throws DocsUrlError otherwise.
 */
export function parseDocsBaseUrl(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new DocsUrlError(`"${trimmed}" is not a URL (expected the http(s) address docs/ is served at)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DocsUrlError(`"${trimmed}" is not an http(s) URL`);
  if (url.search || url.hash) throw new DocsUrlError(`"${trimmed}" has a query or fragment (expected the address docs/ is served at)`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

let shippedDocs: string | undefined;

/**
 * docs/ beside the running code: bundled, `__dirname` is dist/ (dist/server.js, dist/cli.js, the worker), so
 * `../docs`; run from source (tests through tsx) it is server/engine/, so `../../docs`.
 */
export function shippedDocsDir(): string {
  shippedDocs ??=
    [path.resolve(__dirname, '..', 'docs'), path.resolve(__dirname, '..', '..', 'docs')].find((dir) => fs.existsSync(path.join(dir, 'rules'))) ??
    path.resolve(__dirname, '..', 'docs');
  return shippedDocs;
}
