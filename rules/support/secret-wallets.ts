// Wallet secrets: BIP-39 mnemonic phrases and raw 32-byte private keys (64 hex digits, `0x` or not).
// Neither has a provider prefix, so both need context: a name that says mnemonic / seed phrase / private key /
// wallet / signer, or a call that takes one (`Wallet.fromPhrase(…)`, `new Wallet(…)`, `privateKeyToAccount(…)`).
//
// Mnemonics are recognised without the BIP-39 word list (no package in the project ships it, and 2,048 words of
// data for one check is not worth carrying): 12, 15, 18, 21 or 24 lower-case words of 3 to 8 letters, at most one
// repeated, none of the English function words the list leaves out ('the', 'and', …): what nearly every English
// BIP-39 phrase is. Ordinary text fails it (lorem ipsum has 2- and 10-letter words; sentences have capitals,
// punctuation, 'the'); the context requirement (a mnemonic / seed-phrase name, or a call) does the rest.
import { calleeName, identifierWords, valueDestination, type ValueDestination } from './ast';
import {
  MNEMONIC_CALLS,
  MNEMONIC_NAME_WORDS,
  NON_WALLET_WORDS,
  PHRASE_NAME_WORDS,
  PHRASE_QUALIFIERS,
  PRIVATE_KEY_CALLS,
  PUBLISHED_DEV_PRIVATE_KEYS,
  WALLET_KEY_NAME_WORDS,
} from '../data/secret-shapes';

export type WalletSecretKind = 'mnemonic' | 'private-key';

export interface WalletSecret {
  kind: WalletSecretKind;
  /** Where it sits, for the message: `"mnemonic"`, `Wallet.fromPhrase()`. */
  holder: string;
  /** The binding's own name, when there is one (for the environment variable). */
  name: string | undefined;
}

const MNEMONIC_LENGTHS: ReadonlySet<number> = new Set([12, 15, 18, 21, 24]);
/** A cheap first test, without allocating: only lower-case words and single spaces, 12 to 24 of them. */
const MNEMONIC_SHAPE = /^\s*[a-z]{3,8}(?:\s+[a-z]{3,8}){11,23}\s*$/;
/** Frequent English words that the BIP-39 list leaves out: a phrase with one is prose. */
const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(['the', 'and', 'that', 'this', 'with', 'from', 'have', 'were', 'was', 'are', 'for', 'but', 'its', 'they', 'them', 'than', 'which']);

/** 12–24 lower-case words of 3–8 letters, at most two repeated: the shape of an English BIP-39 phrase. */
export function looksLikeMnemonic(value: string): boolean {
  if (value.length < 12 * 4 - 1 || value.length > 24 * 9 || !MNEMONIC_SHAPE.test(value)) return false;
  const words = value.trim().split(/\s+/);
  if (!MNEMONIC_LENGTHS.has(words.length)) return false;
  for (const word of words) if (!/^[a-z]{3,8}$/.test(word) || ENGLISH_FUNCTION_WORDS.has(word)) return false;
  // "test test … junk" (Hardhat's published default) and "abandon … about" (the BIP-39 test vector) are public.
  return new Set(words).size >= words.length - 1;
}

/** 64 hex digits, optionally `0x`-prefixed, varied enough not to be a dummy (`0x000…01`, `aaaa…`). */
export function looksLikeRawPrivateKey(value: string): boolean {
  if (value.length !== 64 && value.length !== 66) return false;
  const hex = value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  if (PUBLISHED_DEV_PRIVATE_KEYS.has(hex.toLowerCase())) return false;
  if (/(.)\1{5}/.test(hex) || /0123456789|abcdef/i.test(hex)) return false;
  return new Set(hex.toLowerCase()).size >= 10;
}

/** The wallet secret a literal is, from its value and where it goes (its valueDestination); undefined for anything else. */
export function walletSecretAt(destination: ValueDestination, value: string): WalletSecret | undefined {
  const mnemonic = looksLikeMnemonic(value);
  if (!mnemonic && !looksLikeRawPrivateKey(value)) return undefined;
  const kind: WalletSecretKind = mnemonic ? 'mnemonic' : 'private-key';
  switch (destination.kind) {
    case 'argument': {
      const callee = calleeName(destination.call);
      if (callee === undefined || destination.index !== 0) return undefined;
      const calls = mnemonic ? MNEMONIC_CALLS : PRIVATE_KEY_CALLS;
      return calls.has(callee) ? { kind, holder: `${callee}()`, name: undefined } : undefined;
    }
    case 'array-element': {
      // Hardhat's `networks: { mainnet: { accounts: ['0x…'] } }`, `privateKeys: ['…']`.
      const array = valueDestination(destination.array);
      if (!('name' in array)) return undefined;
      return nameHoldsWalletSecret(array.name, kind, true) ? { kind, holder: `"${array.name}"`, name: array.name } : undefined;
    }
    case 'other':
      return undefined;
    default:
      return nameHoldsWalletSecret(destination.name, kind, false) ? { kind, holder: `"${destination.name}"`, name: destination.name } : undefined;
  }
}

function nameHoldsWalletSecret(name: string, kind: WalletSecretKind, isList: boolean): boolean {
  const words = identifierWords(name);
  for (const word of words) if (NON_WALLET_WORDS.has(word)) return false;
  const has = (set: ReadonlySet<string>) => words.some((word) => set.has(word));
  if (kind === 'mnemonic') {
    return has(MNEMONIC_NAME_WORDS) || (has(PHRASE_NAME_WORDS) && has(PHRASE_QUALIFIERS));
  }
  if (words.includes('accounts')) return isList;
  if (words.includes('account') || words.includes('owner') || words.includes('operator')) return words.includes('key') || words.includes('pk');
  // `privateKey`, `PRIVATE_KEY`, `walletKey`, `signerPk`, `deployer`, `privKey`, and a mnemonic-named slot.
  return has(WALLET_KEY_NAME_WORDS) || words.includes('priv') || has(MNEMONIC_NAME_WORDS);
}
