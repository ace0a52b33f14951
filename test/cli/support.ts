// Helpers for the CLI tests: run the bundled dist/cli.js as a child process in a throwaway copy of a fixture.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../server/engine/analyzer';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO_ROOT, 'dist/cli.js');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/cli');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}, asUser?: { uid: number; gid: number }): CliRun {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env })) {
    if (value !== undefined) childEnv[key] = value;
  }
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: childEnv, encoding: 'utf8', timeout: 60_000, ...asUser });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Copies a fixture folder into a fresh temp dir (outside the repo, so no .gitignore above it applies). */
/** A stale suppression: a finding in any file that should have been walked past. */
export const STALE_SUPPRESSION = '// apiguard-ignore-next-line hardcoded-secret -- must never be scanned\nexport const unused = 1;\n';

/**
 * Files a fixture's own .gitignore lists: git cannot carry them in this repository (they would be ignored here
 * too), so they are written into the copy. Each holds a stale suppression that shows if the walk reaches it.
 */
const GITIGNORED_FIXTURE_FILES: Record<string, string[]> = {
  project: ['generated/client.ts', 'src/server.local.ts', 'src/nested/scratch.ts'],
};

export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `apiguard-cli-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  for (const relativePath of GITIGNORED_FIXTURE_FILES[name] ?? []) writeFile(dir, relativePath, STALE_SUPPRESSION);
  return dir;
}

export function writeFile(root: string, relativePath: string, content: string | Buffer): string {
  const filePath = path.join(root, relativePath);
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, content);
  return filePath;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Durations differ per run; everything else in the reports is deterministic. */
export function normalizeDuration(text: string): string {
  return text.replace(/ in \d+ ms\)/g, ' in <T> ms)');
}

/**
 * True once the hardcoded-secret rule reports the fixture's Stripe key (another helper writes the rule; until it
 * lands, the tests that need a real error finding are skipped with this reason rather than failing).
 */
export function secretRuleLanded(): boolean {
  const filePath = path.join(os.tmpdir(), 'apiguard-probe', 'src', 'payments.ts');
  const text = fs.readFileSync(path.join(FIXTURES, 'secrets/src/payments.ts'), 'utf8');
  const analysis = new Engine({ workspaceRoots: [path.dirname(path.dirname(filePath))] }).analyze(filePath, text);
  return analysis.findings.some((finding) => finding.ruleId === 'hardcoded-secret');
}

export const STRIPE_KEY = 'sk_live_51HyPqRtZ8vN3kLm2WdQ9sT7uBcV4';
