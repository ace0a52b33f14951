// apiguard.json: data only (never executed). The nearest file up the tree from an analysed file applies, so the
// folders of a monorepo can differ. Parsed with jsonc-parser so comments are allowed and errors carry offsets.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import ignore, { type Ignore } from 'ignore';
import type { RuleMeta, Severity } from '../../rules/support/rule';
import { LineIndex } from './line-index';

export const CONFIG_FILE_NAME = 'apiguard.json';
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** apiguard.json is a few hundred bytes of settings; a larger one is refused unread (a 60 MB one took minutes). */
export const MAX_CONFIG_FILE_SIZE = 256 * 1024;
const BYTE_ORDER_MARK = '\uFEFF';
/** Past a few hundred, more findings in one file help nobody and cost every code action and publish. */
export const DEFAULT_MAX_FINDINGS_PER_FILE = 500;
/** Specs are data, often generated and large (GitHub's REST description is 13 MB): their own, larger limit. */
export const DEFAULT_MAX_SPEC_FILE_SIZE = 64 * 1024 * 1024;

/** What configuration needs of a rule, code or spec. */
export interface ConfigurableRule {
  meta: RuleMeta;
  defaultOptions: unknown;
}

export type RuleSetting = 'off' | Severity | { severity?: 'off' | Severity; options?: Record<string, unknown> };

export interface ResolvedRuleConfig {
  severity: Severity;
  options: unknown;
}

export interface ResolvedConfig {
  /** The apiguard.json that applies, or undefined for built-in defaults. */
  configPath?: string;
  /** Enabled rules only. */
  rules: Map<string, ResolvedRuleConfig>;
  maxFileSize: number;
  /** Findings kept per file (the most severe first); the rest are counted in one too-many-findings finding. */
  maxFindingsPerFile: number;
  /** True when the path (absolute) matches the configured `ignore` globs. */
  isIgnored(filePath: string): boolean;
  /** "auth": the project's own authentication middleware/guards by name, and routes public by design. */
  auth: AuthSettings;
  /** "specs": which YAML/JSON files are OpenAPI specs besides those found by content, and their size limit. */
  specs: SpecSettings;
}

export interface SpecSettings {
  /** True when the path (absolute) matches "specs.include": analysed as a spec, and told so when it is not one. */
  isIncluded(filePath: string): boolean;
  maxFileSize: number;
}

export const DEFAULT_SPEC_SETTINGS: SpecSettings = { isIncluded: () => false, maxFileSize: DEFAULT_MAX_SPEC_FILE_SIZE };

export interface AuthSettings {
  middleware: readonly string[];
  publicRoutes: readonly string[];
}

export const NO_AUTH_SETTINGS: AuthSettings = { middleware: [], publicRoutes: [] };

export class ConfigError extends Error {
  constructor(
    readonly configPath: string,
    message: string,
    /** Offset into the config text, when known. */
    readonly offset?: number,
  ) {
    super(`${configPath}: ${message}`);
  }
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Validates apiguard.json text; throws ConfigError with a message that says what to change. */
export function parseConfig(configPath: string, text: string, rules: readonly ConfigurableRule[]): ResolvedConfig {
  if (text.length > MAX_CONFIG_FILE_SIZE) throw tooLargeError(configPath, text.length);
  // Editors on Windows save UTF-8 with a byte order mark; it is not JSON, but it is a valid file.
  const bomLength = text.startsWith(BYTE_ORDER_MARK) ? 1 : 0;
  const errors: ParseError[] = [];
  const raw = parseJsonc(bomLength ? text.slice(bomLength) : text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const offset = errors[0]!.offset + bomLength;
    const { line, column } = lineColumnAt(text, offset);
    throw new ConfigError(configPath, `invalid JSON at ${line}:${column}: ${describeJsonError(errors[0]!.error)}`, offset);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(configPath, 'expected an object like { "rules": { … }, "ignore": [ … ] }');
  }
  const known = new Set(['$schema', 'rules', 'ignore', 'maxFileSize', 'maxFindingsPerFile', 'auth', 'specs']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new ConfigError(configPath, `unknown key "${key}" (expected one of: rules, ignore, maxFileSize, maxFindingsPerFile, auth, specs)`);
  }

  const rulesById = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const resolvedRules = new Map<string, ResolvedRuleConfig>();
  const settings: Record<string, unknown> = raw.rules ?? {};
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new ConfigError(configPath, '"rules" must be an object mapping rule ids to "off" | "warning" | "error" | { severity, options }');
  }
  for (const id of Object.keys(settings)) {
    if (!rulesById.has(id)) {
      throw new ConfigError(configPath, `unknown rule "${id}" in "rules" (known rules: ${[...rulesById.keys()].join(', ')})`);
    }
  }
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    let severity: 'off' | Severity = rule.meta.defaultSeverity;
    let options: Record<string, unknown> = {};
    if (typeof setting === 'string') {
      severity = checkSeverity(configPath, rule.meta.id, setting);
    } else if (setting !== undefined) {
      if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
        throw new ConfigError(configPath, `rules["${rule.meta.id}"] must be "off", a severity, or { "severity": …, "options": { … } }`);
      }
      const entry = setting as { severity?: unknown; options?: unknown };
      if (entry.severity !== undefined) severity = checkSeverity(configPath, rule.meta.id, entry.severity);
      if (entry.options !== undefined) {
        if (typeof entry.options !== 'object' || entry.options === null || Array.isArray(entry.options)) {
          throw new ConfigError(configPath, `rules["${rule.meta.id}"].options must be an object`);
        }
        options = entry.options as Record<string, unknown>;
        const allowed = Object.keys(rule.defaultOptions ?? {});
        for (const key of Object.keys(options)) {
          if (!allowed.includes(key)) {
            throw new ConfigError(configPath, `unknown option "${key}" for rule "${rule.meta.id}" (known options: ${allowed.join(', ') || 'none'})`);
          }
        }
      }
    }
    if (severity !== 'off') {
      resolvedRules.set(rule.meta.id, { severity, options: { ...(rule.defaultOptions as object), ...options } });
    }
  }

  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize !== 'number' || !(raw.maxFileSize > 0)) {
      throw new ConfigError(configPath, '"maxFileSize" must be a positive number of bytes');
    }
    maxFileSize = raw.maxFileSize;
  }
  let maxFindingsPerFile = DEFAULT_MAX_FINDINGS_PER_FILE;
  if (raw.maxFindingsPerFile !== undefined) {
    if (!Number.isInteger(raw.maxFindingsPerFile) || !(raw.maxFindingsPerFile > 0)) {
      throw new ConfigError(configPath, '"maxFindingsPerFile" must be a positive whole number');
    }
    maxFindingsPerFile = raw.maxFindingsPerFile;
  }

  const ignorePatterns: unknown = raw.ignore ?? [];
  if (!Array.isArray(ignorePatterns) || ignorePatterns.some((p) => typeof p !== 'string')) {
    throw new ConfigError(configPath, '"ignore" must be an array of glob strings (gitignore syntax)');
  }
  const matcher: Ignore = ignore().add(ignorePatterns as string[]);
  const baseDir = path.dirname(configPath);
  return {
    configPath,
    rules: resolvedRules,
    maxFileSize,
    maxFindingsPerFile,
    auth: parseAuthSettings(configPath, raw.auth),
    specs: parseSpecSettings(configPath, raw.specs),
    isIgnored(filePath) {
      const relative = path.relative(baseDir, filePath);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
      return matcher.ignores(relative.split(path.sep).join('/'));
    },
  };
}

/** `"auth": { "middleware": ["requireLogin"], "publicRoutes": ["GET /status", "/public/*"] }` */
function parseAuthSettings(configPath: string, value: unknown): AuthSettings {
  if (value === undefined) return NO_AUTH_SETTINGS;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(configPath, '"auth" must be an object like { "middleware": ["requireLogin"], "publicRoutes": ["GET /status"] }');
  }
  const entries = value as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    if (key !== 'middleware' && key !== 'publicRoutes') throw new ConfigError(configPath, `unknown key "auth.${key}" (expected middleware, publicRoutes)`);
  }
  const list = (key: 'middleware' | 'publicRoutes', example: string): string[] => {
    const items = entries[key] ?? [];
    if (!Array.isArray(items) || items.some((item) => typeof item !== 'string' || item.trim() === '')) {
      throw new ConfigError(configPath, `"auth.${key}" must be an array of non-empty strings, e.g. ${example}`);
    }
    return items as string[];
  };
  return { middleware: list('middleware', '["requireLogin", "auth.required"]'), publicRoutes: list('publicRoutes', '["GET /status", "/public/*"]') };
}

// `"specs": { "include": ["api/**/*.yaml"], "maxFileSize": 67108864 }`
function parseSpecSettings(configPath: string, value: unknown): SpecSettings {
  if (value === undefined) return DEFAULT_SPEC_SETTINGS;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(configPath, '"specs" must be an object like { "include": ["api/**/*.yaml"], "maxFileSize": 67108864 }');
  }
  const entries = value as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    if (key !== 'include' && key !== 'maxFileSize') throw new ConfigError(configPath, `unknown key "specs.${key}" (expected include, maxFileSize)`);
  }
  const include = entries.include ?? [];
  if (!Array.isArray(include) || include.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw new ConfigError(configPath, '"specs.include" must be an array of glob strings (gitignore syntax), e.g. ["api/**/*.yaml"]');
  }
  let maxFileSize = DEFAULT_MAX_SPEC_FILE_SIZE;
  if (entries.maxFileSize !== undefined) {
    if (typeof entries.maxFileSize !== 'number' || !(entries.maxFileSize > 0)) throw new ConfigError(configPath, '"specs.maxFileSize" must be a positive number of bytes');
    maxFileSize = entries.maxFileSize;
  }
  const matcher: Ignore = ignore().add(include as string[]);
  const baseDir = path.dirname(configPath);
  return {
    maxFileSize,
    isIncluded(filePath) {
      if (include.length === 0) return false;
      const relative = path.relative(baseDir, filePath);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
      return matcher.ignores(relative.split(path.sep).join('/'));
    },
  };
}

function checkSeverity(configPath: string, ruleId: string, value: unknown): 'off' | Severity {
  if (value === 'off' || (typeof value === 'string' && SEVERITIES.has(value))) return value as 'off' | Severity;
  throw new ConfigError(configPath, `rules["${ruleId}"]: "${String(value)}" is not a severity (use "off", "hint", "info", "warning" or "error")`);
}

export function defaultConfig(rules: readonly ConfigurableRule[]): ResolvedConfig {
  return {
    rules: new Map(rules.map((rule) => [rule.meta.id, { severity: rule.meta.defaultSeverity, options: { ...(rule.defaultOptions as object) } }])),
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    maxFindingsPerFile: DEFAULT_MAX_FINDINGS_PER_FILE,
    isIgnored: () => false,
    auth: NO_AUTH_SETTINGS,
    specs: DEFAULT_SPEC_SETTINGS,
  };
}

/** jsonc-parser's error code in words: `CloseBraceExpected` → 'close brace expected' (apiguard.json and JSON specs). */
export function describeJsonError(error: ParseErrorCode): string {
  return printParseErrorCode(error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** 1-based, as editors display it: the same line and column as the diagnostic in the open apiguard.json. */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const position = LineIndex.of(text).positionAt(offset);
  return { line: position.line + 1, column: position.character + 1 };
}

/**
 * Finds and caches the apiguard.json that applies to a file. Cached per directory and validated by mtime, so a
 * changed config is picked up without a restart; `invalidate()` drops everything (the server calls it on a
 * file-watch event) except the last valid config of each file.
 */
export class ConfigResolver {
  private readonly nearestByDir = new Map<string, string | null>();
  private readonly parsed = new Map<string, { mtimeMs: number; size: number; result: ResolvedConfig | ConfigError }>();
  /** Per config file, the last version that was valid: what the editor keeps using while the user fixes a typo. */
  private readonly lastValid = new Map<string, ResolvedConfig>();
  private readonly defaults: ResolvedConfig;
  private readonly searchRoots: string[];

  constructor(
    private readonly rules: readonly ConfigurableRule[],
    /** A config named on the command line wins over the nearest one. */
    private readonly explicitConfigPath?: string,
    /**
     * The workspace folders. The search stops at the deepest one that holds the file, so with several folders
     * each file sees its own folder's config whatever their order; above a file outside all of them it goes on
     * to the filesystem root.
     */
    searchRoots: readonly string[] = [],
    /** The server keeps analysing with the last valid config while the file is invalid; the CLI does not. */
    private readonly keepLastValid = false,
  ) {
    this.defaults = defaultConfig(rules);
    this.searchRoots = searchRoots.map((root) => path.resolve(root));
  }

  invalidate(): void {
    this.nearestByDir.clear();
    this.parsed.clear();
  }

  /** The config file that applies to a file, if any. */
  configPathFor(filePath: string): string | undefined {
    return this.explicitConfigPath ?? this.findNearest(path.dirname(filePath));
  }

  /** Throws ConfigError when the applicable config is invalid (see `resolve` for the editor's fallback). */
  configFor(filePath: string): ResolvedConfig {
    return this.resolve(filePath).config;
  }

  /**
   * The config that applies to a file. When it is invalid and the resolver keeps the last valid one, that one
   * comes back with the current `error`, so the caller can analyse and still say what is wrong; otherwise throws.
   */
  resolve(filePath: string): { config: ResolvedConfig; error?: ConfigError } {
    const configPath = this.configPathFor(filePath);
    return configPath ? this.resolvePath(configPath) : { config: this.defaults };
  }

  load(configPath: string): ResolvedConfig {
    return this.resolvePath(configPath).config;
  }

  private resolvePath(configPath: string): { config: ResolvedConfig; error?: ConfigError } {
    const result = this.read(configPath);
    if (!(result instanceof ConfigError)) return { config: result };
    const lastValid = this.keepLastValid ? this.lastValid.get(configPath) : undefined;
    if (lastValid) return { config: lastValid, error: result };
    throw result;
  }

  private read(configPath: string): ResolvedConfig | ConfigError {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(configPath);
    } catch {
      return new ConfigError(configPath, 'file not found');
    }
    const cached = this.parsed.get(configPath);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
    const result = parseConfigFile(configPath, stat, this.rules);
    this.parsed.set(configPath, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    if (!(result instanceof ConfigError)) this.lastValid.set(configPath, result);
    return result;
  }

  private findNearest(dir: string): string | undefined {
    const stopAt = this.searchRootOf(dir);
    const visited: string[] = [];
    let current = dir;
    let found: string | null | undefined;
    for (;;) {
      found = this.nearestByDir.get(current);
      if (found !== undefined) break;
      visited.push(current);
      const candidate = path.join(current, CONFIG_FILE_NAME);
      if (fs.existsSync(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(current);
      if (parent === current || current === stopAt) {
        found = null;
        break;
      }
      current = parent;
    }
    // Every directory visited has the same deepest search root as `dir`, so the answer holds for each of them.
    for (const visitedDir of visited) this.nearestByDir.set(visitedDir, found);
    return found ?? undefined;
  }

  private searchRootOf(dir: string): string | undefined {
    return deepestContaining(this.searchRoots, dir);
  }
}

/** The deepest of the folders that contains `dir` (or is it). */
export function deepestContaining(folders: readonly string[], dir: string): string | undefined {
  let deepest: string | undefined;
  for (const folder of folders) {
    if ((dir === folder || dir.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) && (!deepest || folder.length > deepest.length)) deepest = folder;
  }
  return deepest;
}

/** Reads and validates a config file; every failure (a directory, unreadable, too large, invalid) is a ConfigError. */
function parseConfigFile(configPath: string, stat: fs.Stats, rules: readonly ConfigurableRule[]): ResolvedConfig | ConfigError {
  if (!stat.isFile()) return new ConfigError(configPath, 'is not a file (a directory has that name): remove or rename it');
  if (stat.size > MAX_CONFIG_FILE_SIZE) return tooLargeError(configPath, stat.size);
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return new ConfigError(configPath, `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`);
  }
  try {
    return parseConfig(configPath, text, rules);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

function tooLargeError(configPath: string, size: number): ConfigError {
  return new ConfigError(configPath, `file is ${Math.round(size / 1024)} KB, over the ${MAX_CONFIG_FILE_SIZE / 1024} KB limit for a config file: not read`);
}
