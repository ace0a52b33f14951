// Regex building blocks for keyword lists: literal text in a pattern, and one test for "does any keyword occur".

/** `text` as a regex source that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** A keyword ends here: any longer keyword through this node contains it, so the branch can stop. */
  end: boolean;
}

/**
 * One pattern that finds any of `keywords`, built as a trie (`x(?:ox[abp]-|app-)`) rather than a flat `a|b|c` list:
 * with ~200 keywords the regex engine then tries one branch per first character at each position instead of every
 * keyword.
 */
export function anyKeywordPattern(keywords: readonly string[]): RegExp {
  const root: TrieNode = { children: new Map(), end: false };
  for (const keyword of keywords) {
    let node = root;
    for (const char of keyword) {
      let child = node.children.get(char);
      if (!child) node.children.set(char, (child = { children: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    if (node.end) return '';
    const branches = [...node.children].map(([char, child]) => escapeRegExp(char) + source(child));
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return new RegExp(source(root));
}
