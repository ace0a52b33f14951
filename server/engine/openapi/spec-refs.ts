// `$ref` resolution for one analysis: local (`#/components/schemas/User`) and cross-file (`./user.yaml#/User`,
// `common.json`) references, each target looked up once, with cycle protection. Remote references (http…) are
// never fetched: analysis makes no network calls, so they stay unresolved.
import * as path from 'node:path';
import type { SpecDocument, SpecMap, SpecNode } from '../../../rules/support/spec-tree';
import { stringAt } from '../../../rules/support/spec-tree';

/** Parsed documents by absolute path (undefined when the file cannot be read or parsed). */
export type SpecLoader = (filePath: string) => SpecDocument | undefined;

/** Chains longer than this are cycles in disguise or generated nonsense; they resolve to nothing. */
const MAX_HOPS = 64;

export class SpecResolver {
  private readonly targets = new Map<SpecMap, SpecNode | null>();
  /** Files other than the analysed one that references were resolved into: a change to one re-analyses this one. */
  readonly dependencies = new Set<string>();
  /** For each other file, the `$ref` in the analysed document through which it was first reached. */
  private readonly anchors = new Map<SpecDocument, SpecNode>();

  constructor(
    readonly root: SpecDocument,
    private readonly load: SpecLoader,
  ) {}

  /** Follows `$ref` chains to the node they name; other nodes are returned as they are; a dead or cyclic chain gives undefined. */
  resolve(node: SpecNode | undefined): SpecNode | undefined {
    let current = node;
    for (let hops = 0; current && isReference(current); hops++) {
      if (hops >= MAX_HOPS) return undefined;
      const cached = this.targets.get(current);
      if (cached !== undefined) {
        current = cached ?? undefined;
        continue;
      }
      // Marked before the lookup, so a reference that leads back to itself ends the chain instead of looping.
      this.targets.set(current, null);
      const target = this.lookup(current);
      this.targets.set(current, target ?? null);
      current = target;
    }
    return current;
  }

  /** The node of the analysed document under which findings in `document` are shown. */
  anchorFor(document: SpecDocument): SpecNode | undefined {
    return this.anchors.get(document);
  }

  private lookup(reference: SpecMap): SpecNode | undefined {
    const ref = stringAt(reference, '$ref')!;
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : ref.slice(hash + 1);
    let document = reference.document;
    if (filePart !== '') {
      if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return undefined;
      const filePath = path.resolve(path.dirname(document.filePath), safeDecode(filePart));
      if (filePath === this.root.filePath) {
        document = this.root;
      } else {
        // Listed even when missing or unparsable: creating or fixing that file must re-analyse this one.
        this.dependencies.add(filePath);
        const loaded = this.load(filePath);
        if (!loaded) return undefined;
        if (!this.anchors.has(loaded)) {
          const anchor = reference.document === this.root ? reference : this.anchors.get(reference.document);
          if (anchor) this.anchors.set(loaded, anchor);
        }
        document = loaded;
      }
    }
    return followPointer(document.root, pointer);
  }
}

export function isReference(node: SpecNode): node is SpecMap {
  return node.kind === 'map' && node.entries.length > 0 && stringAt(node, '$ref') !== undefined;
}

/** JSON Pointer (RFC 6901) inside a URI fragment: `/components/schemas/User%20Profile`, `~1` for `/`, `~0` for `~`. */
export function followPointer(root: SpecNode | undefined, pointer: string): SpecNode | undefined {
  if (pointer === '' || pointer === '/') return root;
  if (!pointer.startsWith('/')) return undefined;
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const decoded = raw.includes('%') ? safeDecode(raw) : raw;
    const token = decoded.includes('~') ? decoded.replace(/~1/g, '/').replace(/~0/g, '~') : decoded;
    if (!node) return undefined;
    if (node.kind === 'map') {
      node = entryValue(node, token);
    } else if (node.kind === 'seq') {
      node = /^\d+$/.test(token) ? node.items[Number(token)] : undefined;
    } else {
      return undefined;
    }
  }
  return node;
}

/**
 * Large maps (`components.schemas` of a big spec holds thousands) get a key index on first use, kept across
 * analyses. It maps keys to entry positions, which an incremental re-parse never changes (it replaces values, or
 * the whole map with a new one).
 */
const keyIndexes = new WeakMap<SpecMap, Map<string, number>>();
const INDEXED_MAP_SIZE = 32;

function entryValue(map: SpecMap, key: string): SpecNode | undefined {
  if (map.entries.length < INDEXED_MAP_SIZE) return map.entries.find((entry) => entry.key === key)?.value;
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (let i = 0; i < map.entries.length; i++) if (!index.has(map.entries[i]!.key)) index.set(map.entries[i]!.key, i);
    keyIndexes.set(map, index);
  }
  const at = index.get(key);
  return at === undefined ? undefined : map.entries[at]!.value;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
