// Non-relative imports that name workspace files: tsconfig/jsconfig `paths` (`@/routes/admin` → `src/routes/admin`)
// and `baseUrl` (`src/auth/jwt.guard`). Read from the nearest tsconfig.json or jsconfig.json above a file (following
// relative `extends`), parsed as data with jsonc-parser, cached per folder. Without this, apps that import their
// routers and guards through aliases would have every router unmounted and every guard unknown.
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';

export interface AliasConfig {
  /** Absolute; non-relative specifiers are tried against it. */
  baseUrl?: string;
  /** `"@/*": ["./src/*"]`: the pattern split at its `*`, and absolute target patterns. */
  paths: { prefix: string; suffix: string; wildcard: boolean; targets: string[] }[];
}

export interface ConfigFileReader {
  readFile(filePath: string): string | undefined;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS = 5;

export class ModuleAliases {
  private readonly byDir = new Map<string, AliasConfig | undefined>();

  constructor(
    private readonly reader: ConfigFileReader,
    /** Folders the search stops at (the workspace folders); the filesystem root when empty. */
    private readonly roots: readonly string[] = [],
  ) {}

  /** tsconfig.json changed: forget what was read. */
  invalidate(): void {
    this.byDir.clear();
  }

  forFile(filePath: string): AliasConfig | undefined {
    return this.forDir(path.dirname(path.resolve(filePath)));
  }

  private forDir(dir: string): AliasConfig | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let found: AliasConfig | undefined;
    let searched = false;
    for (const name of CONFIG_NAMES) {
      const text = this.reader.readFile(path.join(dir, name));
      if (text === undefined) continue;
      found = this.read(path.join(dir, name), text, 0);
      searched = true;
      break;
    }
    const parent = path.dirname(dir);
    if (!searched && parent !== dir && !this.roots.includes(dir)) found = this.forDir(parent);
    this.byDir.set(dir, found);
    return found;
  }

  private read(configPath: string, text: string, depth: number): AliasConfig | undefined {
    const raw = parseJsonc(text, [], { allowTrailingComma: true }) as { extends?: unknown; compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
    if (!raw || typeof raw !== 'object') return undefined;
    const dir = path.dirname(configPath);
    let inherited: AliasConfig | undefined;
    if (typeof raw.extends === 'string' && raw.extends.startsWith('.') && depth < MAX_EXTENDS) {
      const base = path.resolve(dir, raw.extends.endsWith('.json') ? raw.extends : `${raw.extends}.json`);
      const baseText = this.reader.readFile(base);
      if (baseText !== undefined) inherited = this.read(base, baseText, depth + 1);
    }
    const options = raw.compilerOptions ?? {};
    const baseUrl = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : inherited?.baseUrl;
    let paths = inherited?.paths ?? [];
    if (options.paths && typeof options.paths === 'object') {
      // `paths` targets are relative to baseUrl when set, else to the config that declares them.
      const from = baseUrl ?? dir;
      paths = Object.entries(options.paths as Record<string, unknown>).flatMap(([pattern, targets]) => {
        if (!Array.isArray(targets)) return [];
        const star = pattern.indexOf('*');
        return [{
          prefix: star === -1 ? pattern : pattern.slice(0, star),
          suffix: star === -1 ? '' : pattern.slice(star + 1),
          wildcard: star !== -1,
          targets: targets.filter((target): target is string => typeof target === 'string').map((target) => path.resolve(from, target)),
        }];
      });
    }
    if (baseUrl === undefined && paths.length === 0) return undefined;
    return { ...(baseUrl !== undefined ? { baseUrl } : {}), paths };
  }
}

/** The absolute paths (without extension probing) a non-relative specifier may name under `config`. */
export function aliasCandidates(config: AliasConfig, specifier: string): string[] {
  const out: string[] = [];
  for (const mapping of config.paths) {
    if (mapping.wildcard) {
      if (!specifier.startsWith(mapping.prefix) || !specifier.endsWith(mapping.suffix) || specifier.length < mapping.prefix.length + mapping.suffix.length) continue;
      const middle = specifier.slice(mapping.prefix.length, specifier.length - mapping.suffix.length);
      for (const target of mapping.targets) out.push(target.replace('*', middle));
    } else if (specifier === mapping.prefix) {
      out.push(...mapping.targets);
    }
  }
  if (config.baseUrl !== undefined) out.push(path.resolve(config.baseUrl, specifier));
  return out;
}
