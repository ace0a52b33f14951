// `apiguard` command line. Exit codes: 0 = nothing at or above --fail-on, 1 = findings at or above it or a rule
// that failed on a file (internal-error), 2 = usage or configuration error (one clear line on stderr).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { allFindingMetas, Engine, TOO_DEEP_TO_PARSE } from '../engine/analyzer';
import { isPrismaSchemaFile, WorkspaceIndex } from '../engine/api-model/workspace-index';
import { ConfigError } from '../engine/config';
import { DOCS_URL_ENV, DocsUrlError, setPublicDocsBaseUrl } from '../engine/docs-links';
import { INTERNAL_ERROR } from '../engine/engine-findings';
import { SEVERITY_ORDER, type FileAnalysis } from '../engine/findings';
import { isScriptFile, reasonToSkip } from '../engine/source-files';
import { createScanReader, IgnoredWholeTargets, readWalkedFile, ScanPathError, scanWorkspace, toRelativeUri, walkWorkspace, type IgnoredFile } from '../engine/workspace-scan';
import { formatReport, isReportFormat, REPORT_FORMATS, type ReportFormat } from '../report';
import { DEFAULT_MIN_SEVERITY, ignoredNotice, isShown, reportFindings, summarize, summaryLine } from '../report/model';
import type { Severity } from '../../rules/support/rule';
import { buildReportInventory, formatRoutesText, routesResult } from '../report/routes';
import type { ReportInput } from '../report/model';
import type { RoutesResult } from '../../shared/protocol';
import { version as toolVersion } from '../../package.json';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const FAIL_ON = ['error', 'warning', 'never'] as const;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const ROUTES_FORMATS = ['text', 'json'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const USAGE = `Usage: apiguard scan [paths...] [options]
       apiguard routes [paths...] [--format text|json] [--config <file>] [--no-ignore]

scan     finds API security flaws in JavaScript and TypeScript files and in OpenAPI/Swagger specs
         (YAML/JSON found by content or "specs.include"; other YAML/JSON is skipped) (default path: .)
routes   lists every route with its full path, handler and what authenticates it (exit 0: an inventory)
Both respect .gitignore and the "ignore" globs of apiguard.json, and skip node_modules and build output
found in folders (a path named inside one is read). A file you name is read even if .gitignore lists it.
When the ignore rules exclude a named path whole, stderr says how many files were skipped and why.

Options:
  --format <format>       scan: ${REPORT_FORMATS.join(' | ')}; routes: ${ROUTES_FORMATS.join(' | ')} (default: text)
  --output <file>         scan: write the report to a file instead of stdout
  --config <file>         use this apiguard.json for every file (default: the nearest one up the tree)
  --fail-on <level>       scan: error | warning | never: exit 1 when findings at or above it are shown, or a
                          rule failed on a file (default: error; never always exits 0)
  --min-severity <level>  scan: error | warning | info | hint: findings below it are left out of every format
                          (json and sarif too; the summary counts them) and never fail the scan (default: ${DEFAULT_MIN_SEVERITY})
  --no-ignore             also scan what .gitignore and apiguard.json "ignore" exclude (not node_modules
                          or build output found in folders)
  --docs-url <url>        scan: the http(s) address where docs/ is published: reports link rule pages there
                          and SARIF gets helpUri (default: $APIGUARD_DOCS_URL, else file: links to the pages
                          installed with apiguard, and SARIF carries the pages' text only)
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 nothing shown at or above --fail-on, 1 findings or a failed rule, 2 usage or configuration error.`;

class UsageError extends Error {}

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function runCli(argv: string[], io: CliIo): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`apiguard: ${error.message}\nRun "apiguard --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      const detail = error.message.startsWith(`${error.configPath}: `) ? error.message.slice(error.configPath.length + 2) : error.message;
      io.stderr.write(`apiguard: invalid config ${displayPath(io.cwd, error.configPath)}: ${detail}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ScanPathError) {
      io.stderr.write(`apiguard: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function run(argv: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        'min-severity': { type: 'string' },
        'no-ignore': { type: 'boolean' },
        'docs-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE + '\n');
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout.write(`${toolVersion}\n`);
    return EXIT_OK;
  }
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command (try "apiguard scan")');
  if (command !== 'scan' && command !== 'routes') throw new UsageError(`unknown command "${command}" (the commands are "scan" and "routes")`);
  if (command === 'routes') return runRoutes(paths, values, io);

  const format = values.format ?? 'text';
  if (!isReportFormat(format)) throw new UsageError(`unknown --format "${format}" (use one of: ${REPORT_FORMATS.join(', ')})`);
  const failOn = (values['fail-on'] ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new UsageError(`unknown --fail-on "${failOn}" (use one of: ${FAIL_ON.join(', ')})`);
  const minSeverity = (values['min-severity'] ?? DEFAULT_MIN_SEVERITY) as Severity;
  if (!SEVERITIES.includes(minSeverity)) throw new UsageError(`unknown --min-severity "${minSeverity}" (use one of: ${SEVERITIES.join(', ')})`);
  const noIgnore = values['no-ignore'] === true;
  // Set for every run (the CLI also runs in-process in tests): the flag, else the environment, else none.
  try {
    setPublicDocsBaseUrl(values['docs-url'] ?? io.env[DOCS_URL_ENV]);
  } catch (error) {
    if (!(error instanceof DocsUrlError)) throw error;
    throw new UsageError(`${values['docs-url'] !== undefined ? '--docs-url' : DOCS_URL_ENV}: ${error.message}`);
  }

  const cwd = io.cwd;
  const configPath = values.config !== undefined ? path.resolve(cwd, values.config) : undefined;
  // The scan builds the API model from the files it scans (whole-workspace rules run in a second pass).
  const engine = createEngine(configPath, io, noIgnore, new WorkspaceIndex());

  const scan = scanWorkspace(engine, { paths: paths.length > 0 ? paths : ['.'], root: cwd });
  const input: ReportInput = { scan, rules: allFindingMetas([...engine.rules, ...engine.specRules]), tool: { name: 'apiguard', version: toolVersion }, minSeverity };
  // The reports that list routes and say when they were made (text and SARIF do neither).
  if (format === 'html' || format === 'markdown' || format === 'json') {
    input.generatedAt = generatedAt(io.env);
    if (engine.apiIndex) input.inventory = buildReportInventory(engine.apiIndex.model(), cwd, readTextOrUndefined);
  }
  reportIgnored(scan.ignored, io);

  if (values.output !== undefined) {
    const outputPath = path.resolve(cwd, values.output);
    // The HTML report's file links are relative: from where the file is written back to the scan root.
    const toRoot = path.relative(path.dirname(outputPath), cwd).split(path.sep).join('/');
    if (toRoot !== '') input.fileLinkBase = `${toRoot}/`;
    const report = formatReport(format as ReportFormat, input, { color: false });
    try {
      writeFileCreatingFolders(outputPath, report);
    } catch (error) {
      throw new UsageError(`cannot write --output ${values.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    io.stderr.write(`apiguard: wrote ${format} report to ${displayPath(cwd, outputPath)}; ${summaryLine(summarize(input, reportFindings(input)))}\n`);
  } else {
    const color = format === 'text' && io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
    io.stdout.write(formatReport(format as ReportFormat, input, { color }));
  }

  return exitCodeFor(scan.files, failOn, minSeverity);
}

/** Now, or SOURCE_DATE_EPOCH (seconds) when set: the reproducible-builds convention, so a report can be compared byte for byte. */
function generatedAt(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString() : new Date().toISOString();
}

function readTextOrUndefined(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

/** One stderr line when the ignore rules left a named path out whole: "0 files scanned" never goes unexplained. */
function reportIgnored(ignored: readonly IgnoredFile[], io: CliIo): void {
  const notice = ignoredNotice(ignored);
  if (notice) io.stderr.write(`apiguard: ${notice}\n`);
}

function createEngine(configPath: string | undefined, io: CliIo, noIgnore: boolean, apiIndex?: WorkspaceIndex): Engine {
  const engine = new Engine({
    configPath,
    noIgnore,
    workspaceRoots: [repositoryRootOf(io.cwd) ?? io.cwd],
    reader: createScanReader(),
    log: io.env.APIGUARD_DEBUG ? (message) => io.stderr.write(`apiguard: ${message}\n`) : undefined,
    ...(apiIndex ? { apiIndex } : {}),
  });
  // An explicit config is checked up front, so a typo fails fast even when no file would need it.
  if (configPath) engine.configs.load(configPath);
  return engine;
}

/** `apiguard routes`: indexes the walked files (no rules run) and prints the route inventory. Always exits 0. */
function runRoutes(
  paths: string[],
  values: { format?: string; output?: string; config?: string; 'fail-on'?: string; 'min-severity'?: string; 'no-ignore'?: boolean; 'docs-url'?: string },
  io: CliIo,
): number {
  const format = values.format ?? 'text';
  if (!(ROUTES_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}" for routes (use one of: ${ROUTES_FORMATS.join(', ')})`);
  if (values.output !== undefined) throw new UsageError('--output is for "scan" (redirect the output of "routes" instead)');
  if (values['fail-on'] !== undefined) throw new UsageError('--fail-on is for "scan" ("routes" is an inventory and always exits 0)');
  if (values['min-severity'] !== undefined) throw new UsageError('--min-severity is for "scan" ("routes" reports no findings)');
  if (values['docs-url'] !== undefined) throw new UsageError('--docs-url is for "scan" ("routes" links no rule pages)');
  const noIgnore = values['no-ignore'] === true;
  const cwd = io.cwd;
  const index = new WorkspaceIndex();
  // Given the index so its verdicts read "auth" from the apiguard.json of each file; no rule runs here.
  const engine = createEngine(values.config !== undefined ? path.resolve(cwd, values.config) : undefined, io, noIgnore, index);
  const ignored: IgnoredFile[] = [];
  const ignoredByConfig = new IgnoredWholeTargets();
  // Scripts declare routes and Prisma schemas data models; YAML/JSON is not read (no spec makes a route).
  for (const entry of walkWorkspace(paths.length > 0 ? paths : ['.'], cwd, (name) => isScriptFile(name) || isPrismaSchemaFile(name), { noIgnore, reportIgnored: true })) {
    if (entry.kind === 'ignored') {
      ignored.push({ filePath: entry.filePath, by: entry.by });
      continue;
    }
    const outcome = entry.kind === 'skipped' ? entry.reason : indexFile(engine, index, entry.filePath, entry.explicit);
    if (entry.kind === 'file') {
      if (outcome === IGNORED_BY_CONFIG) {
        ignoredByConfig.ignored(entry.target, entry.filePath);
        continue;
      }
      ignoredByConfig.listed(entry.target);
    }
    if (typeof outcome === 'string') io.stderr.write(`apiguard: ${displayPath(cwd, entry.filePath)}: ${outcome}\n`);
  }
  ignored.push(...ignoredByConfig.ignoredWhole());
  reportIgnored(ignored, io);
  index.markComplete();
  const result = routesResult(index.model(), (filePath) => toRelativeUri(cwd, filePath));
  io.stdout.write(format === 'json' ? JSON.stringify(result satisfies RoutesResult, null, 2) + '\n' : formatRoutesText(result.routes, result.unmodelled));
  return EXIT_OK;
}

const IGNORED_BY_CONFIG = Symbol('ignored by apiguard.json');

/** Adds one file's summary to the index; returns why it was skipped, if it was, or that "ignore" left it out. */
function indexFile(engine: Engine, index: WorkspaceIndex, filePath: string, explicit: boolean): string | typeof IGNORED_BY_CONFIG | undefined {
  const read = readWalkedFile(engine, filePath, explicit);
  if (!read) return undefined;
  if (read.kind === 'ignored') return IGNORED_BY_CONFIG;
  if (read.kind === 'skipped') return read.reason;
  const skipReason = reasonToSkip(read.text, read.config.maxFileSize);
  if (skipReason) return skipReason;
  try {
    index.indexFile(filePath, read.text);
    return undefined;
  } catch (error) {
    return error instanceof RangeError ? TOO_DEEP_TO_PARSE : `skipped: could not summarise (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * 1 when a finding shown (at or above --min-severity) reaches --fail-on, or when a rule failed on some file (a
 * skipped rule is not a clean result): what the report leaves out never fails the scan.
 */
export function exitCodeFor(files: readonly Pick<FileAnalysis, 'findings'>[], failOn: FailOn, minSeverity: Severity = DEFAULT_MIN_SEVERITY): number {
  if (failOn === 'never') return EXIT_OK;
  const threshold = SEVERITY_ORDER[failOn];
  const failing = files.some((file) =>
    file.findings.some((finding) => finding.ruleId === INTERNAL_ERROR.id || (isShown(finding, minSeverity) && SEVERITY_ORDER[finding.severity] >= threshold)),
  );
  return failing ? EXIT_FINDINGS : EXIT_OK;
}

function writeFileCreatingFolders(filePath: string, content: string): void {
  try {
    fs.writeFileSync(filePath, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, content);
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
  const longName = /--[\w-]+/.exec(quoted)?.[0];
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && longName) return `option ${longName} needs a value`;
  return message.split('\n')[0]!;
}

/** The nearest folder with .git: nearest-config lookup stops there, as a project's settings do. */
function repositoryRootOf(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function displayPath(cwd: string, filePath: string): string {
  const relative = path.relative(cwd, filePath);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filePath;
}

if (require.main === module) {
  const exitCode = runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
  // Let piped stdout drain before exiting (process.exit could cut a large report short).
  process.exitCode = exitCode;
}
