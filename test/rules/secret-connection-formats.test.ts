// hardcoded-secret on connection strings and self-issued formats in whole modules (issue 13): JDBC, SQLAlchemy,
// ADO.NET, SMTP, FTP and LDAP URLs with a password for a real host are tier-1 findings; the same strings for a
// development host are default development credentials (warning); templated passwords are nothing at all. A private
// key written on one line with `\n` escapes in an ordinary module is reported, and the file is not taken for minified.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { findProviderToken, hardcodedSecret } from '../../rules/hardcoded-secret';
import { devCredentialUrlIn } from '../../rules/support/secret-dev-urls';
import { runCase, runRuleTests } from '../support/rule-tester';

const sha = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 8);
const secret = (value: string) => `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}…(${value.length} chars), sha256 ${sha(value)}`;
const providerMessage = (name: string, token: string) => `${name} in source (${secret(token)}). Rotate it: it stays in version history.`;
const devUrlMessage = (what: string, host: string, token: string) =>
  `${what} with default development credentials for ${host} (${secret(token)}): they ship in images and copies of this configuration and get reused. Read the URL from the environment.`;

/** Line 3, after the import and a blank line: the literal starts after `export const <name> = `. */
function literalOnLine3(name: string, literal: string) {
  const column = `export const ${name} = `.length + 1;
  return { line: 3, column, endLine: 3, endColumn: column + literal.length + 2 };
}
const moduleWith = (name: string, literal: string) => `import { createPool } from './db';\n\nexport const ${name} = '${literal}';\nexport const pool = createPool(${name});\n`;

// Passwords: random characters, split so no whole credential appears verbatim.
const PW = 'Wq8rTz' + '4nLm';
const JDBC_PROPS = 'jdbc:sqlserver://sql01.acme-corp.net:1433;databaseName=shop;user=shop_app;password=' + PW;
const JDBC_ORACLE = 'jdbc:oracle:thin:scott/' + PW + '@ora.acme-corp.net';
const SQLALCHEMY = 'mysql+pymysql://etl:' + PW + '@warehouse.acme-corp.net';
const ADO = 'Server=tcp:shop.database.windows.net,1433;Initial Catalog=shop;User ID=app;Password=' + PW + ';Encrypt=True;';
const SMTP = 'smtps://mailer%40acme-corp.net:' + PW + '@smtp.acme-corp.net';
const JDBC_LOCAL = 'jdbc:postgresql://localhost:5432/app?user=app&password=' + PW;
const ADO_LOCALDB = 'Server=(localdb)\\\\MSSQLLocalDB;Database=app;User Id=sa;Password=' + PW + ';';
const SMTP_MAILHOG = 'smtp://mailer:' + PW + '@mailhog';

describe('hardcoded-secret: connection strings in modules', () => {
  runRuleTests(hardcodedSecret, {
    valid: [
      // Templates in the password slot, one per URL family: nothing is filled in, nothing to report.
      ...[
        'postgres://$(USER):' + '$(PASSWORD)@db.acme-corp.net:5432/app',
        'postgresql://app:' + '${DB_PASSWORD}@db.acme-corp.net/app',
        'mongodb+srv://app:' + '{{mongo_password}}@cluster0.ab1cd.mongodb.net/prod',
        'redis://:' + '%s@cache.acme-corp.net:6379',
        'amqps://orders:' + '<password>@rabbit.acme-corp.net/vhost',
        'mysql://app:' + 'password@db.acme-corp.net/app',
        'jdbc:mysql://db.acme-corp.net/app?user=app&password=' + '${DB_PASSWORD}',
        'jdbc:sqlserver://x.x.x.x:1433;user=MY-USER;password=' + 'MY-PASSWORD',
        'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=' + 'myPassword;',
        'smtps://mailer:' + '$SMTP_PASSWORD@smtp.acme-corp.net',
        'ldap://cn=admin,dc=acme-corp,dc=net:' + '__LDAP_PASSWORD__@ldap.acme-corp.net',
        'ftp://anonymous:' + 'guest%40acme-corp.net@ftp.acme-corp.net',
      ].map((url) => ({ name: `template or no credential: ${url.slice(0, 24)}…`, code: moduleWith('target', url) })),
    ],
    invalid: [
      ...[
        ['JDBC URL with a password', JDBC_PROPS, JDBC_PROPS],
        ['JDBC URL with a password', JDBC_ORACLE, JDBC_ORACLE],
        ['Database URL with a password', SQLALCHEMY, SQLALCHEMY],
        ['Database connection string with a password', ADO, ADO],
        ['SMTP URL with a password', SMTP, SMTP],
      ].map(([name, literal, token]) => ({
        name: `tier 1: ${name}, under a neutral name`,
        code: moduleWith('target', literal!),
        errors: [{ messageId: 'providerToken', message: providerMessage(name!, token!), severity: 'error' as const, ...literalOnLine3('target', literal!) }],
      })),
      {
        name: 'development host: a JDBC URL to localhost',
        code: moduleWith('target', JDBC_LOCAL),
        errors: [{ messageId: 'devCredentials', message: devUrlMessage('JDBC URL', 'localhost', JDBC_LOCAL), severity: 'warning', ...literalOnLine3('target', JDBC_LOCAL) }],
      },
      {
        name: 'development host: an ADO.NET string for LocalDB (the source escapes its backslash)',
        code: moduleWith('target', ADO_LOCALDB),
        errors: [{ messageId: 'devCredentials', message: devUrlMessage('Database connection string', 'localhost', ADO_LOCALDB.replace('\\\\', '\\')), severity: 'warning', ...literalOnLine3('target', ADO_LOCALDB) }],
      },
      {
        name: 'development host: an SMTP URL to a compose service',
        code: moduleWith('target', SMTP_MAILHOG),
        errors: [{ messageId: 'devCredentials', message: devUrlMessage('SMTP URL', 'mailhog', SMTP_MAILHOG), severity: 'warning', ...literalOnLine3('target', SMTP_MAILHOG) }],
      },
    ],
  });
});

// Every URL family × every way of leaving the password slot to a template, for a real and for a development host:
// neither a tier-1 format nor default development credentials. The same URL with a real password is found, so the
// matrix cannot pass by matching nothing.
describe('connection strings: templated passwords fill nothing', () => {
  const TEMPLATES = ['$(PASSWORD)', '${DB_PASSWORD}', '{{ .Values.pw }}'.replace(/ /g, ''), '%s', '%(password)s', '{password}', '<password>', '[PASSWORD]', 'password', '$DB_PASS', '__DB_PASSWORD__', '%DB_PASSWORD%', '#{db_password}'];
  const FAMILIES: [string, (password: string, host: string) => string][] = [
    ['database-url', (pw, host) => `postgres://app:${pw}@${host}:5432/app`],
    ['database-url', (pw, host) => `mysql+pymysql://app:${pw}@${host}/app`],
    ['mongodb-url', (pw, host) => `mongodb+srv://app:${pw}@${host}/prod`],
    ['redis-url', (pw, host) => `rediss://:${pw}@${host}:6380`],
    ['amqp-url', (pw, host) => `amqps://orders:${pw}@${host}/vhost`],
    ['smtp-url', (pw, host) => `smtps://mailer:${pw}@${host}:465`],
    ['ftp-url', (pw, host) => `sftp://deploy:${pw}@${host}`],
    ['ldap-url', (pw, host) => `ldaps://cn=bind,dc=acme:${pw}@${host}`],
    ['jdbc-url', (pw, host) => `jdbc:postgresql://app:${pw}@${host}:5432/app`],
    ['jdbc-url', (pw, host) => `jdbc:mysql://${host}:3306/app?user=app&password=${pw}`],
    ['jdbc-url', (pw, host) => `jdbc:sqlserver://${host}:1433;databaseName=app;user=app;password=${pw}`],
    ['jdbc-url', (pw, host) => `jdbc:oracle:thin:app/${pw}@${host}:1521:ORCL`],
    ['ado-connection-string', (pw, host) => `Server=${host};Database=app;User Id=app;Password=${pw};`],
    ['redis-connection-string', (pw, host) => `${host}:6380,password=${pw},ssl=True`],
  ];
  const context = { sinkName: undefined, textBefore: () => '', textAfter: () => '' };
  for (const [id, build] of FAMILIES) {
    const sample = build('<pw>', '<host>');
    it(`${id} ${sample.slice(0, 28)}…: a real password is found, templates are not (real and local hosts)`, () => {
      assert.equal(findProviderToken(build(PW, 'db.acme-corp.net'), context, true)?.provider.id, id);
      assert.ok(devCredentialUrlIn(build(PW, 'localhost')), 'the local form is development credentials');
      for (const template of TEMPLATES) {
        for (const host of ['db.acme-corp.net', 'localhost']) {
          const value = build(template, host);
          assert.equal(findProviderToken(value, context, true), undefined, value);
          assert.equal(devCredentialUrlIn(value), undefined, value);
        }
      }
    });
  }
});

// A PEM body of 3,000+ characters from a fixed seed: random-looking base64, never a real key.
function pemBody(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = 20261129;
  let body = 'MIIJQgIBADANBgkqhkiG9w0BAQEFAASC';
  while (body.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    body += alphabet[state % 64];
  }
  return body.match(/.{1,64}/g)!.join('\\n');
}

describe('hardcoded-secret: a private key on one line', () => {
  const header = '-----BEGIN ' + 'PRIVATE KEY-----';
  const footer = '-----END ' + 'PRIVATE KEY-----';
  const key = `${header}\\n${pemBody(3000)}\\n${footer}\\n`;
  const code = [
    "import { createSign } from 'node:crypto';",
    "import express from 'express';",
    '',
    `const signingKey = '${key}';`,
    '',
    'export function signReceipt(receipt: { id: string; total: number }): string {',
    "  const signer = createSign('RSA-SHA256');",
    '  signer.update(JSON.stringify(receipt));',
    "  return signer.sign(signingKey, 'base64');",
    '}',
    '',
    'export const app = express();',
    "app.get('/receipts/:id', (req, res) => res.json({ id: req.params.id, signature: signReceipt({ id: req.params.id, total: 0 }) }));",
    '',
  ].join('\n');

  it('is one line of over 3,000 characters in an otherwise ordinary module', () => {
    const longest = Math.max(...code.split('\n').map((line) => line.length));
    assert.ok(longest > 3000 && code.length < 2 * longest, `longest line ${longest} of ${code.length}`);
  });

  it('is reported as a private key, on its line, and the file is analysed (not skipped as minified)', () => {
    // runCase itself fails when the file is skipped.
    const { analysis } = runCase(hardcodedSecret, { code, filename: 'src/receipts.ts' });
    const findings = analysis.findings.filter((finding) => finding.ruleId === 'hardcoded-secret');
    assert.deepEqual(
      findings.map((finding) => [finding.messageId, finding.severity, finding.data.providerId, finding.range.start.line, finding.range.start.character]),
      [['providerToken', 'error', 'private-key', 3, 'const signingKey = '.length]],
    );
    assert.ok(findings[0]!.message.startsWith('Private key in source (----…('), findings[0]!.message);
  });
});
