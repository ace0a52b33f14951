// hardcoded-secret's shape recognisers, in one place for the rule to call: secrets that neither a provider format
// (tier 1) nor a credential name (tier 2) finds. Each recogniser lives in its own module; this one orders them and
// turns their answers into findings (message id, data, severity, where the "move to env" fix goes).
//   error:   request credentials compared with literals (secret-comparisons.ts), wallet mnemonics and raw private
//            keys (secret-wallets.ts)
//   warning: seeded user records with plaintext passwords (secret-seed-records.ts), connection URLs with default
//            development credentials (secret-dev-urls.ts), keys beside an API URL (secret-api-objects.ts),
//            placeholder secrets the app really uses (secret-guessable.ts)
import * as ts from 'typescript';
import { envVariableRead, screamingSnakeCase, skipTransparentParents, valueDestination } from './ast';
import { fingerprint, redact } from './secret-text';
import { CredentialComparisons } from './secret-comparisons';
import { walletSecretAt } from './secret-wallets';
import { devCredentialUrlIn } from './secret-dev-urls';
import { seededPasswordAt } from './secret-seed-records';
import { keyBesideApiUrlAt } from './secret-api-objects';
import { GuessableSecrets, type GuessableSecret, type SecretUseOf } from './secret-guessable';

export type ShapeMessageId = 'credentialComparison' | 'walletSecret' | 'seededPassword' | 'devCredentials' | 'guessableSecret' | 'credentialLiteral';

export const SHAPE_MESSAGES: Record<Exclude<ShapeMessageId, 'credentialLiteral'>, string> = {
  credentialComparison:
    'Hard-coded credential: {{compared}} is compared with a literal ({{redacted}}, sha256 {{fingerprint}}), so anyone who reads the source can pass this check. Compare with a stored hash or a secret from the environment, and rotate it: it stays in version history.',
  walletSecret:
    '{{what}} in {{holder}} ({{redacted}}, sha256 {{fingerprint}}): whoever reads it controls the wallet or signs as it. Move the funds or rights to a new key and keep keys out of source: it stays in version history.',
  seededPassword:
    'Seeded user account with a plaintext password in "{{field}}" ({{redacted}}, sha256 {{fingerprint}}), written by {{target}}: the account exists with this password wherever the code runs. Read the password from the environment or generate one.',
  devCredentials:
    '{{what}} with default development credentials for {{host}} ({{redacted}}, sha256 {{fingerprint}}): they ship in images and copies of this configuration and get reused. Read the URL from the environment.',
  guessableSecret:
    'Guessable secret in {{holder}} ({{redacted}}, sha256 {{fingerprint}}): the app uses it as its secret ({{use}}), and a placeholder is the first thing anyone tries. Set a long random secret outside source.',
};

export interface ShapeFinding {
  messageId: ShapeMessageId;
  node: ts.Node;
  /** Unset: the rule's configured severity (error by default). */
  severity?: 'warning';
  data: Record<string, string>;
  /** Where the "move to an environment variable" fix goes, when it makes sense (not for comparisons). */
  move?: { replaced: ts.Node; envName: string; fallbackOf?: string; value: string };
}

export class SecretShapes {
  private readonly comparisons: CredentialComparisons;
  private readonly guessable: GuessableSecrets;

  /** `filePath` with forward slashes. */
  constructor(
    sourceFile: ts.SourceFile,
    private readonly filePath: string,
    secretUseOf: SecretUseOf,
  ) {
    this.comparisons = new CredentialComparisons(sourceFile);
    this.guessable = new GuessableSecrets(sourceFile, secretUseOf);
  }

  /**
   * The shape a literal has, checked after provider formats and before credential names. `null`: the literal is
   * known and fine (a password hash in a seeded record), so the credential-name tier must not report it either.
   */
  check(literal: ts.Node, value: string): ShapeFinding | null | undefined {
    const comparison = this.comparisons.comparisonAt(literal, value);
    if (comparison) return { messageId: 'credentialComparison', node: literal, data: { compared: comparison.compared, ...secretData(value) } };

    const destination = valueDestination(literal);
    const wallet = walletSecretAt(destination, value);
    if (wallet) {
      const what = wallet.kind === 'mnemonic' ? 'Wallet mnemonic phrase' : 'Raw private key (64 hex digits)';
      const envName = wallet.name ? screamingSnakeCase(wallet.name) : wallet.kind === 'mnemonic' ? 'MNEMONIC' : 'PRIVATE_KEY';
      return { messageId: 'walletSecret', node: literal, data: { what, holder: wallet.holder, ...secretData(value) }, move: moveTarget(literal, value, envName === 'ACCOUNTS' ? 'PRIVATE_KEY' : envName) };
    }

    const url = devCredentialUrlIn(value);
    if (url) {
      return { messageId: 'devCredentials', node: literal, severity: 'warning', data: { what: url.what, host: url.host, ...secretData(url.token) }, move: moveTarget(literal, value, url.envName) };
    }

    const seeded = seededPasswordAt(destination, value, this.filePath);
    if (seeded?.isHash) return null;
    if (seeded) {
      const account = seeded.account?.split('@')[0];
      const envName = account && /^[A-Za-z][A-Za-z0-9._-]*$/.test(account) ? `${screamingSnakeCase(account)}_PASSWORD` : 'SEED_USER_PASSWORD';
      return { messageId: 'seededPassword', node: literal, severity: 'warning', data: { field: seeded.field, target: seeded.target, ...secretData(value) }, move: moveTarget(literal, value, envName) };
    }

    const key = keyBesideApiUrlAt(destination, value);
    if (key) {
      return { messageId: 'credentialLiteral', node: literal, severity: 'warning', data: { sink: `"${key.name}" beside the API URL in "${key.urlName}"`, ...secretData(value) }, move: moveTarget(literal, value, key.envName) };
    }

    const guessable = this.guessable.check(literal, value, destination);
    return guessable && guessableFinding(guessable);
  }

  /** Findings known only once the whole file is walked: placeholders read later by a secret slot. */
  atEnd(): ShapeFinding[] {
    return this.guessable.usedLater().map(guessableFinding);
  }
}

function guessableFinding(found: GuessableSecret): ShapeFinding {
  return { messageId: 'guessableSecret', node: found.literal, severity: 'warning', data: { holder: found.holder, use: found.use, ...secretData(found.value) } };
}

function secretData(secret: string): { redacted: string; fingerprint: string } {
  return { redacted: redact(secret), fingerprint: fingerprint(secret) };
}

/** The literal, or the whole `process.env.X || '…'` whose variable the code already reads. */
function moveTarget(literal: ts.Node, value: string, envName: string): NonNullable<ShapeFinding['move']> {
  const outer = skipTransparentParents(literal);
  const parent = outer.parent;
  if (parent && ts.isBinaryExpression(parent) && parent.right === outer) {
    const operator = parent.operatorToken.kind;
    const variable = operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken ? envVariableRead(parent.left) : undefined;
    if (variable !== undefined) return { replaced: parent, envName: variable, fallbackOf: variable, value };
  }
  return { replaced: literal, envName, value };
}
