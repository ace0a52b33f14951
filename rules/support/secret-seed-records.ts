// Seeded or fixture user records with plaintext passwords in application code: `User.create({ email, password:
// 'admin123' })`, `queryInterface.bulkInsert('Users', [{ username: 'admin', password: 'changeme' }])`,
// `const users = [{ username: 'admin', password: 'admin' }]`. The account exists, with that password, wherever the
// code runs, so placeholders such as 'changeme' count too: they are the default credential.
// Not reported: password-hash literals in such records (bcrypt, argon2, scrypt, PBKDF2, hex digests: the plaintext
// is not in the source, so neither this nor the credential-name tier reports them) and computed values (`password: hash('x')`: the literal there is an argument, not the record's value).
import * as ts from 'typescript';
import { calleeName, identifierWords, propertyNameText, skipTransparentParents, valueDestination, type ValueDestination } from './ast';
import { credentialNameStrength } from '../data/secret-names';
import { ACCOUNT_FIELDS, ACCOUNT_LIST_WORDS, PASSWORD_HASH_FORMATS, RECORD_WRITE_CALLS, SEED_PATH } from '../data/secret-shapes';

export interface SeededPassword {
  /** The property holding the password, e.g. `password`. */
  field: string;
  /** Where the record goes, for the message: `User.create()`, `"users"`, a seed file. */
  target: string;
  /** The record's account name when it is a literal (`admin`), for the environment variable's name. */
  account: string | undefined;
  /** A password-hash literal: a seeded record, but no plaintext to report. */
  isHash: boolean;
}

const PASSWORD_FIELD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'passcode', 'passphrase']);

/** `destination` is the literal's (valueDestination); `filePath` uses forward slashes. */
export function seededPasswordAt(destination: ValueDestination, value: string, filePath: string): SeededPassword | undefined {
  if (destination.kind !== 'property') return undefined;
  const field = destination.name;
  if (credentialNameStrength(field) !== 'password') return undefined;
  const words = identifierWords(field);
  if (words.length === 0 || !PASSWORD_FIELD_WORDS.has(words[words.length - 1]!) || words.some((word) => word === 'confirm' || word === 'old')) return undefined;
  // Empty, or a validation message in a record-shaped object ('Password is required.'): not a password.
  if (value.trim() === '' || (/\s/.test(value) && (value.trim().split(/\s+/).length >= 3 || /[.!?:]$/.test(value)))) return undefined;
  const record = destination.holder.parent;
  if (!ts.isObjectLiteralExpression(record)) return undefined;
  const account = accountOf(record);
  if (account === undefined) return undefined;
  const target = recordTarget(record, filePath);
  if (target === undefined) return undefined;
  return { field, target, account: account || undefined, isHash: PASSWORD_HASH_FORMATS.some((format) => format.test(value)) };
}

/** The literal account name of a record with an account field ('' when not a literal); undefined without one. */
function accountOf(record: ts.ObjectLiteralExpression): string | undefined {
  let found: string | undefined;
  for (const property of record.properties) {
    const name = property.name && propertyNameText(property.name);
    if (name === undefined || !ACCOUNT_FIELDS.has(name)) continue;
    const value = ts.isPropertyAssignment(property) && ts.isStringLiteralLike(property.initializer) ? property.initializer.text : '';
    if (found === undefined || (found === '' && value !== '')) found = value;
  }
  return found;
}

/** Where a record goes: a record-writing call (directly, in an array, under Prisma's `data`), a seed list. */
function recordTarget(record: ts.ObjectLiteralExpression, filePath: string): string | undefined {
  let node: ts.Node = skipTransparentParents(record);
  let inList = false;
  // Climb out of `[…]` and `{ data: … }` (Prisma) to what receives the record.
  for (let depth = 0; depth < 3; depth++) {
    const parent = node.parent;
    if (parent && ts.isArrayLiteralExpression(parent)) {
      inList = true;
      node = skipTransparentParents(parent);
      continue;
    }
    if (parent && ts.isPropertyAssignment(parent) && propertyNameText(parent.name) === 'data' && ts.isObjectLiteralExpression(parent.parent)) {
      node = skipTransparentParents(parent.parent);
      continue;
    }
    break;
  }
  const destination = valueDestination(node);
  if (destination.kind === 'argument') {
    const call = destination.call;
    const name = calleeName(call);
    if (name === undefined) return undefined;
    const receiver = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression.getText().replace(/\s+/g, '') : undefined;
    const label = receiver && receiver.length <= 30 ? `${receiver}.${name}()` : `${name}()`;
    if (RECORD_WRITE_CALLS.has(name)) return label;
    // `new User({ … })`: a model constructor.
    if (ts.isNewExpression(call) && /^[A-Z]/.test(name) && /user|account|admin|member|customer/i.test(name)) return `new ${name}()`;
    return undefined;
  }
  if (!inList) return undefined;
  if (destination.kind === 'variable' || destination.kind === 'property' || destination.kind === 'assignment') {
    if (identifierWords(destination.name).some((word) => ACCOUNT_LIST_WORDS.has(word))) return `"${destination.name}"`;
  }
  return SEED_PATH.test(filePath) ? 'seed data' : undefined;
}
