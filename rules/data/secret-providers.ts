// Tier-1 secret formats of the hardcoded-secret rule: tokens whose shape alone says "credential of provider X".
// Kept as data: each entry carries its own true and false samples, which test/rules/secret-providers.test.ts runs.
// Samples are obviously fake but format-valid; they are assembled by concatenation so that secret scanners on
// the hosting side (e.g. GitHub push protection) do not mistake this file for a leak.
import { isPlaceholderValue, isPublicInContext } from './secret-placeholders';

export interface ProviderContext {
  /** The name of the variable/property/parameter the literal initialises, when there is one. */
  sinkName: string | undefined;
  /** Up to a few hundred characters of source before the literal, lower-cased (for formats that need a hint). */
  textBefore(): string;
  /** The same after the literal. */
  textAfter(): string;
}

export type SecretSample = string | { value: string; sinkName?: string; textBefore?: string; textAfter?: string };

export interface SecretProvider {
  id: string;
  /** Company or product, e.g. "GitHub". */
  provider: string;
  /** What the token is, shown in messages, e.g. "GitHub personal access token". */
  name: string;
  /** Default environment variable name for the "move to env" fix when the code gives no better name. */
  envName: string;
  /** Cheap pre-check: the regex runs only when the value contains one of these (case-sensitive). Empty = always. */
  keywords: readonly string[];
  /** Shortest value that can match; shorter literals are skipped without running the regex. */
  minLength: number;
  /** Matches the token; the whole match is the secret. No `g` flag (matching stays stateless). */
  pattern: RegExp;
  /** Extra check on a match, for formats a regex cannot pin down (checksums, decodable parts, a nearby hint). */
  validate?: (token: string, match: RegExpExecArray, context: ProviderContext) => boolean;
  /** Skip the generic "looks like a dummy" check (long runs of one character are normal in e.g. PEM bodies). */
  allowRepetition?: boolean;
  samples: { positive: readonly SecretSample[]; negative: readonly SecretSample[] };
}

const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|[a-z0-9_-]+)$/i;

/** `scheme://user:password@host`: reported unless the password is a placeholder or the host is a dev-only host. */
function hasRealUrlPassword(_token: string, match: RegExpExecArray): boolean {
  const password = decodeURIComponentSafe(match[2] ?? '');
  const host = match[3] ?? '';
  if (isPlaceholderValue(password) || /^(pass(word)?|pwd|secret|<.*>|:?\w*password\w*)$/i.test(password)) return false;
  // Single-label hosts (localhost, docker-compose service names) are development set-ups, not leaked credentials.
  return !LOCAL_HOST.test(host);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A JWT counts when its header decodes to a JSON object with an `alg`. */
function isDecodableJwt(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** Discord bot tokens start with the bot's user id (a snowflake), base64-encoded. */
function startsWithBase64Snowflake(token: string): boolean {
  const decoded = Buffer.from(token.slice(0, token.indexOf('.')), 'base64').toString('latin1');
  return /^[0-9]{17,20}$/.test(decoded);
}

/** Mixed-case alphanumerics, as in random keys (rules out hashes, words, and base64 of plain text). */
function looksRandomMixedCase(token: string): boolean {
  return /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token);
}

const AWS_HINT = /aws|secret_?access_?key|secretaccesskey|akia|asia|s3|amazon/;
const DATADOG_HINT = /datadog|\bdd[_-]?(api|app|client)|\bdd_/;

const nearby = (hint: RegExp) => (_token: string, _match: RegExpExecArray, context: ProviderContext) =>
  hint.test(context.textBefore()) || (context.sinkName !== undefined && hint.test(context.sinkName.toLowerCase()));

// Sample bodies: random characters, split so that no full token appears verbatim in the source.
const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
const PEM_BODY =
  'MIIEowIBAAKCAQEA' + 'QZThDffqC+si2ARELn8O80FHtafmObWYYPdnIPwNEVpd0kc72nnBHSJlhOzPkNv5\n' +
  'FwrrYxIiq0hL9/ioj1gQyzyAWMjz25BAssgLZWTMnGMsxl0H2vvf5/B6+FTe4e+b\n' +
  'DRuHAyXE0z9qBMf4WM3fvUniRggHNxjQIDNo4K5IhTBstdvxT6fWPkQHxrOi1JIp';
const JWT_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const JWT_PAYLOAD = 'eyJzdWIiOiI0ODIxIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzMyNzgwODAwfQ';
const JWT_SIGNATURE = 'KSDKgnu9v95WfSAV7kVcZj2x' + 'bKiiXDg2iyFL7tnJVKQ';

export const SECRET_PROVIDERS: readonly SecretProvider[] = [
  {
    id: 'aws-access-key-id',
    provider: 'AWS',
    name: 'AWS access key id',
    envName: 'AWS_ACCESS_KEY_ID',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    minLength: 20,
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])/,
    samples: {
      positive: ['AKIA' + 'KYTGIX6ICLORE23W', 'ASIA' + 'XX7DM7UKDDK4OWR3'],
      negative: ['AKIA' + 'IOSFODNN7EXAMPLE', 'AKIA' + 'KYTGIX6ICLORE23W5', 'AKIA' + 'kytgix6iclore23w', 'AKIA' + '18GHQ01KQ0PLKQ11'],
    },
  },
  {
    id: 'aws-secret-access-key',
    provider: 'AWS',
    name: 'AWS secret access key',
    envName: 'AWS_SECRET_ACCESS_KEY',
    keywords: [],
    minLength: 40,
    pattern: /^[A-Za-z0-9/+]{40}$/,
    // 40 base64 characters are also hashes and ids: only with an AWS hint in the name or just before the literal.
    validate: (token, match, context) => looksRandomMixedCase(token) && nearby(AWS_HINT)(token, match, context),
    samples: {
      positive: [
        { value: 'r3a7AZDsfJ7vSp72aYOA' + 'NFsjUyR6pgUASt3f9XfK', sinkName: 'secretAccessKey' },
        { value: 'r3a7AZDsfJ7vSp72aYOA' + 'NFsjUyR6pgUASt3f9XfK', textBefore: "new s3client({ credentials: { accesskeyid: 'akia…', " },
      ],
      negative: [
        { value: 'r3a7AZDsfJ7vSp72aYOA' + 'NFsjUyR6pgUASt3f9XfK', sinkName: 'commitSha' },
        { value: 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY', sinkName: 'awsSecretAccessKey' },
        { value: '34c8acdc211c245ec625' + '6438b9265791d24cce73', sinkName: 'awsSecret' },
      ],
    },
  },
  ...(['ghp', 'gho', 'ghu', 'ghs', 'ghr'] as const).map((prefix, index): SecretProvider => {
    const kinds = ['personal access token', 'OAuth access token', 'user-to-server token', 'server-to-server token', 'refresh token'];
    const bodies = ['Hk34VYhy9EsAYi8IasRq' + 'bo32F3GIiev7sLWa', 'V12YEnEncKGXNa6f8wSy' + 'Xw7I78F7TvQllw0N', '2YvvrcAbbsemqnZ7VneL' + '9HPONVkBHEcrRqvc', 'JLOUibIzd8uuSHGmMqcE' + 'MwgAH8HXyJXwjnia', 'S516Xxee7VGJKc8IebGe' + 'y40RXduCa9UKgD4g'];
    return {
      id: `github-${prefix}`,
      provider: 'GitHub',
      name: `GitHub ${kinds[index]}`,
      envName: 'GITHUB_TOKEN',
      keywords: [`${prefix}_`],
      minLength: 40,
      pattern: new RegExp(`(?<![A-Za-z0-9_])${prefix}_[A-Za-z0-9]{36}(?![A-Za-z0-9])`),
      samples: {
        positive: [`${prefix}_` + bodies[index], `token ${prefix}_` + bodies[index]],
        negative: [`${prefix}_` + bodies[index]!.slice(0, 30), `${prefix}_` + 'x'.repeat(36), `${prefix}_` + bodies[index] + 'Z'],
      },
    };
  }),
  {
    id: 'github-fine-grained-pat',
    provider: 'GitHub',
    name: 'GitHub fine-grained personal access token',
    envName: 'GITHUB_TOKEN',
    keywords: ['github_pat_'],
    minLength: 93,
    pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9])/,
    samples: {
      positive: ['github_pat_' + 'uGfh67MDX0oo80UaMeyTs2' + '_' + 'Z2YyOWAFg5sIcz13UsA8TKNmuLTHSF8Yc4WCltcg5AHyyOGMVc8v2I8mQsV'],
      negative: ['github_pat_' + 'uGfh67MDX0oo80UaMeyTs2', 'github_pat_<your-token>'],
    },
  },
  {
    id: 'gitlab-pat',
    provider: 'GitLab',
    name: 'GitLab personal access token',
    envName: 'GITLAB_TOKEN',
    keywords: ['glpat-'],
    minLength: 26,
    pattern: /glpat-[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_.-]+)?(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['glpat-' + 'GjaaUCuS_H38rXfFOBXR'],
      negative: ['glpat-' + 'GjaaUCuS_H38', 'glpat-' + 'xxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'stripe-secret-key',
    provider: 'Stripe',
    name: 'Stripe live secret key',
    envName: 'STRIPE_SECRET_KEY',
    keywords: ['sk_live_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])sk_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
    samples: {
      positive: ['sk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'sk_live_51' + 'VdyM4oGppBhwpfnrcdjHqMl7PxfpQni0VYv0ikB1gDt5ZO0At5zPrszTMrvkDgRIXzgX'],
      negative: ['pk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'sk_test_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'sk_live_' + '000000000000000000000000', 'sk_live_...'],
    },
  },
  {
    id: 'stripe-restricted-key',
    provider: 'Stripe',
    name: 'Stripe live restricted key',
    envName: 'STRIPE_RESTRICTED_KEY',
    keywords: ['rk_live_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])rk_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
    samples: {
      positive: ['rk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD'],
      negative: ['rk_test_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'rk_live_' + 'Aru4Jl'],
    },
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    name: 'Stripe webhook signing secret',
    envName: 'STRIPE_WEBHOOK_SECRET',
    keywords: ['whsec_'],
    minLength: 38,
    pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{32,}(?![A-Za-z0-9])/,
    samples: {
      positive: ['whsec_' + 'K5WgDgixGnvPvlNEgbVlY0311NFGZ30M'],
      negative: ['whsec_' + '...', 'whsec_' + 'K5WgDgix'],
    },
  },
  {
    id: 'slack-bot-token',
    provider: 'Slack',
    name: 'Slack bot token',
    envName: 'SLACK_BOT_TOKEN',
    keywords: ['xoxb-'],
    minLength: 40,
    pattern: /xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34}(?![A-Za-z0-9])/,
    samples: {
      positive: ['xoxb-' + '2918273645' + '-' + '5647382910234' + '-' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
      negative: ['xoxb-' + 'your-bot-token', 'xoxb-' + '2918273645-' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
    },
  },
  {
    id: 'slack-user-token',
    provider: 'Slack',
    name: 'Slack user token',
    envName: 'SLACK_USER_TOKEN',
    keywords: ['xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-'],
    minLength: 40,
    pattern: /xox[pares](?:\.xox[pares])?-(?:[0-9]{1,13}-){2,3}[A-Za-z0-9]{24,64}(?![A-Za-z0-9])/,
    samples: {
      positive: ['xoxp-' + '2918273645-5647382910-7584930211-' + '70ba5c2aea1ef32401715ae774e937b1'],
      negative: ['xoxp-' + '123', 'xoxp-' + 'token-goes-here-0000'],
    },
  },
  {
    id: 'slack-app-token',
    provider: 'Slack',
    name: 'Slack app-level token',
    envName: 'SLACK_APP_TOKEN',
    keywords: ['xapp-'],
    minLength: 50,
    pattern: /xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{64}(?![a-f0-9])/,
    samples: {
      positive: ['xapp-1-' + 'A0123BCD4EF' + '-' + '5647382910234' + '-' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2'],
      negative: ['xapp-1-' + 'A0123BCD4EF-5647382910234'],
    },
  },
  {
    id: 'slack-webhook',
    provider: 'Slack',
    name: 'Slack incoming webhook URL',
    envName: 'SLACK_WEBHOOK_URL',
    keywords: ['hooks.slack.com/'],
    minLength: 60,
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{8,12}\/[AB][A-Z0-9]{8,12}\/[A-Za-z0-9]{23,24}(?![A-Za-z0-9])/,
    samples: {
      positive: ['https://hooks.slack.com/services/' + 'TDFZ30ZP0AA/BNC9JLSU12K/' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
      negative: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/'],
    },
  },
  {
    id: 'google-api-key',
    provider: 'Google',
    name: 'Google API key',
    envName: 'GOOGLE_API_KEY',
    keywords: ['AIza'],
    minLength: 39,
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
    // A Firebase web config's apiKey is public by design (it ships to every browser); its siblings give it away.
    validate: (token, _match, context) => !isPublicInContext(token, () => context.textBefore() + context.textAfter()),
    samples: {
      positive: ['AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', textBefore: 'const maps = new mapsclient({ key: ' }],
      negative: [
        'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti',
        '81234567890-' + 'k2d8s7f6g5h4j3k2l1.apps.googleusercontent.com',
        { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'apiKey', textBefore: 'const firebaseconfig = {\n  apikey: ', textAfter: ",\n  authdomain: 'acme.firebaseapp.com'," },
      ],
    },
  },
  {
    id: 'google-oauth-client-secret',
    provider: 'Google',
    name: 'Google OAuth client secret',
    envName: 'GOOGLE_CLIENT_SECRET',
    keywords: ['GOCSPX-'],
    minLength: 35,
    pattern: /GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['GOCSPX-' + 'DdS1F0r6XTRST90kNK9De83SgBKS'],
      negative: ['GOCSPX-' + 'DdS1F0r6', 'GOCSPX-<client-secret>'],
    },
  },
  {
    id: 'openai-api-key',
    provider: 'OpenAI',
    name: 'OpenAI API key',
    envName: 'OPENAI_API_KEY',
    keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'T3BlbkFJ'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/,
    samples: {
      positive: [
        'sk-proj-' + 'BgMIyWJJbPKdFPaizsmPzwEF079iqXR9aDMvhA70nbgchmb0eKDAEAWW1zGVxjgrjI5UawOS4x10_DwZ0k1TrXSg5N6paQamEwXtA0vVa_OP1GjuC18UjuGz',
        'sk-' + 'qMuRhT24LXHwBgGYGNFf' + 'T3BlbkFJ' + 'ydqqHPxllqf4GRmD3d68',
      ],
      negative: ['sk-proj-' + '...', 'sk-' + 'qMuRhT24LXHwBgGYGNFf', 'sk-ant-api03-' + 'RFpgtWi2AwE7k3nQcWXDavqezlMTOqFdH6U3Mh7L9qrqejbFzsGrYHVL'],
    },
  },
  {
    id: 'anthropic-api-key',
    provider: 'Anthropic',
    name: 'Anthropic API key',
    envName: 'ANTHROPIC_API_KEY',
    keywords: ['sk-ant-'],
    minLength: 60,
    pattern: /sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['sk-ant-api03-' + 'RFpgtWi2AwE7k3nQcWXDavqezlMTOqFdH6U3Mh7L9qrqejbFzsGrYHVLzS0Xd9WCOwFDiDFz7HxjxclgFvXvLaCdlIoGP' + 'AA'],
      negative: ['sk-ant-api03-' + 'RFpgtWi2AwE7k3nQ', 'sk-ant-...'],
    },
  },
  {
    id: 'twilio-api-key',
    provider: 'Twilio',
    name: 'Twilio API key',
    envName: 'TWILIO_API_KEY',
    keywords: ['SK'],
    minLength: 34,
    pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/,
    validate: (token) => /[0-9]/.test(token.slice(2)) && /[a-f]/.test(token.slice(2)),
    samples: {
      positive: ['SK' + 'fbec408565e0221a2a9a0d76a82ce4a3'],
      negative: ['AC' + 'fbec408565e0221a2a9a0d76a82ce4a3', 'TASK' + 'fbec408565e0221a2a9a0d76a82ce4a3', 'SK' + 'FBEC408565E0221A2A9A0D76A82CE4A3'],
    },
  },
  {
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    name: 'SendGrid API key',
    envName: 'SENDGRID_API_KEY',
    keywords: ['SG.'],
    minLength: 69,
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['SG.' + 'Dos5irwtMSqNNVPEyYpUW-' + '.' + 'cO3H7npLDNV_WtFwBcW4FWoSEZuJMUPGiC78F11OAGR'],
      negative: ['SG.' + 'Dos5irwtMSqNNVPEyYpUW-', 'SG.xxxxxxxx.yyyyyyyy'],
    },
  },
  {
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    name: 'Mailgun API key',
    envName: 'MAILGUN_API_KEY',
    keywords: ['key-'],
    minLength: 36,
    pattern: /(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9])/,
    samples: {
      positive: ['key-' + '7aaeeda0e47d878ad62b2cbef0e5689d'],
      negative: ['cache-key-' + '7aaeeda0e47d878ad62b2cbef0e5689d', 'key-' + '7aaeeda0', 'primary-key-column'],
    },
  },
  {
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    name: 'Mailchimp API key',
    envName: 'MAILCHIMP_API_KEY',
    keywords: ['-us'],
    minLength: 35,
    pattern: /(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/,
    samples: {
      positive: ['6a96fba72ac1d5e71071605bbd4bdf4a' + '-us21'],
      negative: ['6a96fba72ac1d5e71071605bbd4bdf4a', 'en-us', 'd59ab25f-en-us1'],
    },
  },
  {
    id: 'npm-token',
    provider: 'npm',
    name: 'npm access token',
    envName: 'NPM_TOKEN',
    keywords: ['npm_'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
    samples: {
      positive: ['npm_' + '1PvZdExc6PlGZPoqMhoRrHC6yCzpL9CVLNkS', '//registry.npmjs.org/:_authToken=npm_' + '1PvZdExc6PlGZPoqMhoRrHC6yCzpL9CVLNkS'],
      negative: ['npm_config_registry', 'npm_' + 'package_json_version_field_name_here'],
    },
  },
  {
    id: 'pypi-token',
    provider: 'PyPI',
    name: 'PyPI upload token',
    envName: 'PYPI_TOKEN',
    keywords: ['pypi-AgEIcHlwaS5vcmc'],
    minLength: 70,
    pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['pypi-AgEIcHlwaS5vcmc' + '_RFHtuYpWBMstF0mJa3KqY__NVjSlutzbf-NyTA7s7f6ynpGqL68GNZ6gUCAqQwYcKZsZM'],
      negative: ['pypi-AgEIcHlwaS5vcmc', 'pypi-' + 'token-for-upload'],
    },
  },
  {
    id: 'private-key',
    provider: 'PEM',
    name: 'Private key',
    envName: 'PRIVATE_KEY',
    keywords: ['PRIVATE KEY'],
    minLength: 60,
    // A header alone is what PEM parsers compare against: only a header followed by a key body counts.
    pattern: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:\s*[A-Za-z-]+: [^\n]*\n)*[A-Za-z0-9+/=\s\\n]{40,}/,
    // The body must be key material, not just whitespace.
    validate: (token) => token.slice(token.indexOf('-----', 11) + 5).replace(/\\n|[^A-Za-z0-9+/=]/g, '').length >= 40,
    allowRepetition: true,
    samples: {
      positive: [pem('RSA ' + 'PRIVATE KEY', PEM_BODY), pem('PRIVATE ' + 'KEY', PEM_BODY.replace(/\n/g, '\\n')), pem('OPENSSH ' + 'PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA' + PEM_BODY)],
      negative: ['-----BEGIN ' + 'PRIVATE KEY-----', '-----BEGIN ' + 'PRIVATE KEY-----' + ' '.repeat(60) + '-----END PRIVATE KEY-----', pem('PUBLIC KEY', PEM_BODY), pem('CERTIFICATE', PEM_BODY), '-----BEGIN RSA ' + 'PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'],
    },
  },
  {
    id: 'jwt',
    provider: 'JWT',
    name: 'JSON Web Token',
    envName: 'JWT_TOKEN',
    keywords: ['eyJ'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/,
    validate: (token) => isDecodableJwt(token),
    allowRepetition: true,
    samples: {
      positive: [JWT_HEADER + '.' + JWT_PAYLOAD + '.' + JWT_SIGNATURE, 'Bearer ' + JWT_HEADER + '.' + JWT_PAYLOAD + '.' + JWT_SIGNATURE],
      negative: [
        'eyJraWQiOiJrMSIsInR5cCI6IkpXVCJ9' + '.' + JWT_PAYLOAD + '.' + JWT_SIGNATURE, // header without "alg"
        JWT_HEADER + '.' + JWT_PAYLOAD + '.', // unsigned, nothing to protect
        'eyJhbGciOiJIUzI1NiIs',
      ],
    },
  },
  {
    id: 'database-url',
    provider: 'Database',
    name: 'Database URL with a password',
    envName: 'DATABASE_URL',
    keywords: ['://'],
    minLength: 16,
    pattern: /\b(?:postgres(?:ql)?|mysql2?|mariadb|mssql|sqlserver|cockroachdb|oracle|jdbc:[a-z]+):\/\/([^:/?#@\s'"]+):([^@/?#\s'"]+)@([^/?#\s:'"]+)/,
    validate: hasRealUrlPassword,
    allowRepetition: true,
    samples: {
      positive: ['postgres://app:' + 'Tr0ub4dor-9x@' + 'db.internal.acme-corp.net:5432/app', 'mysql://root:' + 'k8Jm2qLw@' + '10.0.3.7/shop'],
      negative: [
        'postgres://app:' + 'password@db.example.com/app',
        'postgres://postgres:' + 'postgres@localhost:5432/app',
        'postgres://user:' + '${DB_PASSWORD}@db.example.com/app',
        'postgres://db.example.com:5432/app',
        'postgres://app:' + 'k8Jm2qLw@db:5432/app',
      ],
    },
  },
  {
    id: 'mongodb-url',
    provider: 'MongoDB',
    name: 'MongoDB URL with a password',
    envName: 'MONGODB_URI',
    keywords: ['mongodb'],
    minLength: 16,
    pattern: /\bmongodb(?:\+srv)?:\/\/([^:/?#@\s'"]+):([^@/?#\s'"]+)@([^/?#\s:,'"]+)/,
    validate: hasRealUrlPassword,
    allowRepetition: true,
    samples: {
      positive: ['mongodb+srv://api:' + 'Vx93kLpq2Zt@' + 'cluster0.ab1cd.mongodb.net/prod?retryWrites=true'],
      negative: ['mongodb://localhost:27017/app', 'mongodb+srv://<username>:' + '<password>@cluster0.ab1cd.mongodb.net/', 'mongodb://admin:' + 'Vx93kLpq2Zt@127.0.0.1:27017'],
    },
  },
  {
    id: 'redis-url',
    provider: 'Redis',
    name: 'Redis URL with a password',
    envName: 'REDIS_URL',
    keywords: ['redis'],
    minLength: 16,
    pattern: /\brediss?:\/\/([^:/?#@\s'"]*):([^@/?#\s'"]+)@([^/?#\s:'"]+)/,
    validate: hasRealUrlPassword,
    allowRepetition: true,
    samples: {
      positive: ['redis://default:' + 'p9XkQ2mWz7@' + 'redis-12345.c1.us-east-1.cloud.redislabs.com:12345', 'rediss://:' + 'p9XkQ2mWz7@cache.acme-corp.net:6380'],
      negative: ['redis://localhost:6379', 'redis://:' + 'p9XkQ2mWz7@redis:6379'],
    },
  },
  {
    id: 'amqp-url',
    provider: 'AMQP',
    name: 'AMQP URL with a password',
    envName: 'AMQP_URL',
    keywords: ['amqp'],
    minLength: 16,
    pattern: /\bamqps?:\/\/([^:/?#@\s'"]+):([^@/?#\s'"]+)@([^/?#\s:'"]+)/,
    validate: hasRealUrlPassword,
    allowRepetition: true,
    samples: {
      positive: ['amqps://orders:' + 'Hq7vN3xPz@' + 'rabbit.prod.acme-corp.net/vhost'],
      negative: ['amqp://guest:' + 'guest@localhost:5672', 'amqp://rabbit.example.org'],
    },
  },
  {
    id: 'shopify-token',
    provider: 'Shopify',
    name: 'Shopify access token',
    envName: 'SHOPIFY_ACCESS_TOKEN',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    minLength: 38,
    pattern: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/,
    samples: {
      positive: ['shpat_' + '95b36a832bf5df34bca49554241cad4e', 'shpss_' + '95b36a832bf5df34bca49554241cad4e'],
      negative: ['shpat_' + '95b36a83', 'shpat_' + '<token>'],
    },
  },
  {
    id: 'square-token',
    provider: 'Square',
    name: 'Square access token or OAuth secret',
    envName: 'SQUARE_ACCESS_TOKEN',
    keywords: ['sq0atp-', 'sq0csp-', 'EAAA'],
    minLength: 28,
    pattern: /(?<![A-Za-z0-9_-])(?:sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['sq0atp-' + 'vvMfxZsOisb4Ce-7eXCKrY', 'sq0csp-' + '-5dMzKv9iMQZfSPS-nwIGn_ohgjTEc1oj9ygVjQ05gm', 'EAAA' + 'u8SxORrBnH78mXoroWmgMpdLXzHFRXOn-K3hQS2cjso6_Hk35-7j5zhb0Fdu'],
      negative: ['sq0idp-' + 'vvMfxZsOisb4Ce-7eXCKrY', 'EAAA' + 'u8SxORrBnH78'],
    },
  },
  {
    id: 'discord-bot-token',
    provider: 'Discord',
    name: 'Discord bot token',
    envName: 'DISCORD_BOT_TOKEN',
    keywords: [],
    minLength: 59,
    pattern: /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/,
    validate: (token) => startsWithBase64Snowflake(token),
    samples: {
      positive: ['ODEyMzQ1Njc4OTAxMjM0NTY3' + '.ZAGGeA.' + 'oKy1MAV_XcrMQWF_ycRQL1Eh-bj'],
      negative: ['MzQ1Njc4OTAxMjM0NTY3YWJj' + '.ZAGGeA.' + 'oKy1MAV_XcrMQWF_ycRQL1Eh-bj', 'NotAToken.abcdef.ghijklmnopqrstuvwxyz0123456'],
    },
  },
  {
    id: 'discord-webhook',
    provider: 'Discord',
    name: 'Discord webhook URL',
    envName: 'DISCORD_WEBHOOK_URL',
    keywords: ['/api/webhooks/'],
    minLength: 80,
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,68}(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['https://discord.com/api/webhooks/' + '812345678901234567/' + 'zYwbHJbhJ4ev5sHOnETmhB2sfzhxO9-1gbGtNE9jISPcPAEwvzAj6ZcSN_O6wMxc10Nq'],
      negative: ['https://discord.com/api/webhooks/' + '{id}/{token}'],
    },
  },
  {
    id: 'telegram-bot-token',
    provider: 'Telegram',
    name: 'Telegram bot token',
    envName: 'TELEGRAM_BOT_TOKEN',
    keywords: [':AA'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9:])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['7391028465' + ':AA' + 'NUxSF68KPY1O0Tlj1Mpbm_6FI_BUGwUYQ'],
      negative: ['7391028465' + ':AA' + 'NUxSF68', 'https://api.telegram.org/bot<token>/getMe'],
    },
  },
  {
    id: 'digitalocean-token',
    provider: 'DigitalOcean',
    name: 'DigitalOcean access token',
    envName: 'DIGITALOCEAN_TOKEN',
    keywords: ['_v1_'],
    minLength: 71,
    pattern: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/,
    samples: {
      positive: ['dop_v1_' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2', 'doo_v1_' + 'fa9e43ee17f79f1c508921fc393dfb572062fdc6b1bc05638cb62c6786927b6c'],
      negative: ['dop_v1_' + '380ef8fd', 'dop_v2_' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2'],
    },
  },
  {
    id: 'heroku-api-key',
    provider: 'Heroku',
    name: 'Heroku API key',
    envName: 'HEROKU_API_KEY',
    keywords: ['HRKU-'],
    minLength: 65,
    pattern: /HRKU-[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['HRKU-AA' + '4ROytF8p5XeI3d34MVE8xUGg9x56h2asVyhYBJQUG2WImjwVKYTH1Ro0VH'],
      negative: ['HRKU-' + '4ROytF8p5XeI', 'HRKU-' + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'azure-storage-connection-string',
    provider: 'Azure',
    name: 'Azure Storage connection string',
    envName: 'AZURE_STORAGE_CONNECTION_STRING',
    keywords: ['AccountKey='],
    minLength: 99,
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/,
    validate: (_token, match) => !isPlaceholderValue(match[1] ?? ''),
    samples: {
      positive: ['DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=' + 'NeEFx2kWcM8+yWueMKkRYK6tivwsIi2jQFQfpwn9PdVcayvQxubQIo2Gtf41n+rYXm06H72eY/xwmquq32mha9' + '==;EndpointSuffix=core.windows.net'],
      negative: [
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=' + 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
        'UseDevelopmentStorage=true',
      ],
    },
  },
  {
    id: 'datadog-api-key',
    provider: 'Datadog',
    name: 'Datadog API key',
    envName: 'DD_API_KEY',
    keywords: [],
    minLength: 32,
    pattern: /^[0-9a-f]{32}(?:[0-9a-f]{8})?$/,
    // 32 hex characters are also MD5 hashes and ids: only with a Datadog hint nearby.
    validate: nearby(DATADOG_HINT),
    samples: {
      positive: [{ value: 'd59ab25f3101b46fd5deec38db7936a1', sinkName: 'datadogApiKey' }, { value: 'd59ab25f3101b46fd5deec38db7936a1', textBefore: 'process.env.dd_api_key = ' }],
      negative: [{ value: 'd59ab25f3101b46fd5deec38db7936a1', sinkName: 'etag' }, { value: 'd59ab25f3101b46fd5deec38db7936a1' }],
    },
  },
  {
    id: 'newrelic-user-key',
    provider: 'New Relic',
    name: 'New Relic user API key',
    envName: 'NEW_RELIC_API_KEY',
    keywords: ['NRAK-'],
    minLength: 32,
    pattern: /NRAK-[A-Z0-9]{27}(?![A-Za-z0-9])/,
    samples: {
      positive: ['NRAK-' + 'IT5KHC5MZYLMM1NVITZUA7HYGLN'],
      negative: ['NRAK-' + 'IT5KHC5M', 'NRJS-' + '7da5a2c7aeee24e85e8'],
    },
  },
  {
    id: 'newrelic-license-key',
    provider: 'New Relic',
    name: 'New Relic license key',
    envName: 'NEW_RELIC_LICENSE_KEY',
    keywords: ['NRAL'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{36}NRAL(?![A-Za-z0-9])/,
    samples: {
      positive: ['7da5a2c7aeee24e85e89f1ea07db15e66ec9' + 'NRAL'],
      negative: ['7da5a2c7aeee' + 'NRAL', 'NRAL'],
    },
  },
  {
    id: 'doppler-token',
    provider: 'Doppler',
    name: 'Doppler token',
    envName: 'DOPPLER_TOKEN',
    keywords: ['dp.'],
    minLength: 45,
    pattern: /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/,
    samples: {
      positive: ['dp.pt.' + 'qH5Qyr4XAK95Y413k1qR189krjahBrCAp7PdKor74gk', 'dp.st.' + 'lin5PUGE77jzEe1Ssg9lEaifEM4UtVZvebioiXBnl'],
      negative: ['dp.pt.' + 'qH5Qyr4XAK', 'app.dp.st.config'],
    },
  },
  {
    id: 'linear-api-key',
    provider: 'Linear',
    name: 'Linear API key',
    envName: 'LINEAR_API_KEY',
    keywords: ['lin_api_'],
    minLength: 48,
    pattern: /lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/,
    samples: {
      positive: ['lin_api_' + '5PUGE77jzEe1Ssg9lEaifEM4UtVZvebioiXBnlXf'],
      negative: ['lin_api_' + '5PUGE77jz', 'lin_api_key'],
    },
  },
  {
    id: 'postman-api-key',
    provider: 'Postman',
    name: 'Postman API key',
    envName: 'POSTMAN_API_KEY',
    keywords: ['PMAK-'],
    minLength: 64,
    pattern: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9])/,
    samples: {
      positive: ['PMAK-' + 'fd83c8907eb3232fd77771e8' + '-' + 'e853658f95a7021a5fb3e2239f29a43332'],
      negative: ['PMAK-' + 'fd83c8907eb3232fd77771e8', 'PMAK-<key>'],
    },
  },
  {
    id: 'vault-token',
    provider: 'HashiCorp Vault',
    name: 'HashiCorp Vault token',
    envName: 'VAULT_TOKEN',
    keywords: ['hvs.', 'hvb.'],
    minLength: 90,
    pattern: /(?<![A-Za-z0-9_.])hv[sb]\.[A-Za-z0-9_-]{90,}(?![A-Za-z0-9_-])/,
    samples: {
      positive: ['hvs.' + 'SX3VbM09QVASoiPxM0usNvbQ7ji6m0PPSNOCA2ex93ygzvdG64Ed61geTEaBxu2cdUOwtuv3a0v_rGG9RzHECsUlTWI'],
      negative: ['hvs.' + 'SX3VbM09QVASoiPx', 'this.hvs.value'],
    },
  },
  {
    id: 'terraform-cloud-token',
    provider: 'HashiCorp Terraform',
    name: 'Terraform Cloud API token',
    envName: 'TFC_TOKEN',
    keywords: ['.atlasv1.'],
    minLength: 80,
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
    samples: {
      positive: ['m2qonfibjv3cdq' + '.atlasv1.' + 'uf1yz7vox73q9mdvy9bcfexsgmno0kpy2zzgg62qitxa9utbba632vfcusnu4xyyvs4'],
      negative: ['m2qonfibjv3cdq' + '.atlasv1.' + 'short'],
    },
  },
  {
    id: 'sentry-auth-token',
    provider: 'Sentry',
    name: 'Sentry auth token',
    envName: 'SENTRY_AUTH_TOKEN',
    keywords: ['sntrys_', 'sntryu_'],
    minLength: 47,
    pattern: /sntry[su]_[A-Za-z0-9+/=_]{40,}(?![A-Za-z0-9+/=_])/,
    samples: {
      positive: ['sntrys_' + 'rx5Y5C4UMn10v4FADypy4xPIu3g1VLoO3LU5BQ9GwWkJqKywb5iNcMj1yK6f'],
      // A DSN is public by design (it ships in browser bundles): never a finding.
      negative: ['https://' + '70ba5c2aea1ef32401715ae774e937b1@o412345.ingest.sentry.io/5567890', 'sntrys_' + 'rx5Y5C'],
    },
  },
  {
    id: 'huggingface-token',
    provider: 'Hugging Face',
    name: 'Hugging Face access token',
    envName: 'HF_TOKEN',
    keywords: ['hf_'],
    minLength: 37,
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])/,
    validate: (token) => /[a-z]/.test(token.slice(3)) && /[A-Z]/.test(token.slice(3)),
    samples: {
      positive: ['hf_' + 'wRLZctXsOsdcLzXSxGbIRbNgzKqJxXfCbV'],
      negative: ['hf_' + 'wRLZctXsOsdc', 'hf_' + 'transformersmodelcachedirectorypath'],
    },
  },
  {
    id: 'databricks-token',
    provider: 'Databricks',
    name: 'Databricks access token',
    envName: 'DATABRICKS_TOKEN',
    keywords: ['dapi'],
    minLength: 36,
    pattern: /(?<![A-Za-z0-9])dapi[a-f0-9]{32}(?:-[0-9])?(?![A-Za-z0-9])/,
    samples: {
      positive: ['dapi' + '70ba5c2aea1ef32401715ae774e937b1'],
      negative: ['dapi' + '70ba5c2a', 'rapidapi' + '70ba5c2aea1ef32401715ae774e937b1'],
    },
  },
  {
    id: 'grafana-token',
    provider: 'Grafana',
    name: 'Grafana service account token',
    envName: 'GRAFANA_TOKEN',
    keywords: ['glsa_'],
    minLength: 46,
    pattern: /glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?![A-Za-z0-9])/,
    samples: {
      positive: ['glsa_' + 's9UTPi5Y99fguDyKUZ4Lm8QyhDzcNjht' + '_8ae6cde6'],
      negative: ['glsa_' + 's9UTPi5Y99fguDyK'],
    },
  },
  {
    id: 'age-secret-key',
    provider: 'age',
    name: 'age secret key',
    envName: 'AGE_SECRET_KEY',
    keywords: ['AGE-SECRET-KEY-1'],
    minLength: 74,
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Z0-9])/,
    samples: {
      positive: ['AGE-SECRET-KEY-1' + 'LNJLUFHCXE648AK6YTC3TUVS5AZF8GM2VQWKUJEX69GGRV8GES8QZUQF5D'],
      negative: ['AGE-SECRET-KEY-1' + 'LNJLUFHCXE'],
    },
  },
  {
    id: 'groq-api-key',
    provider: 'Groq',
    name: 'Groq API key',
    envName: 'GROQ_API_KEY',
    keywords: ['gsk_'],
    minLength: 56,
    pattern: /(?<![A-Za-z0-9_])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/,
    samples: {
      positive: ['gsk_' + 'NhwUGATUG3WQlg2Kew2LDKakgBJkD7G9dqkGJylstb7zEqrZx5ws'],
      negative: ['gsk_' + 'NhwUGATUG3WQ'],
    },
  },
  {
    id: 'supabase-access-token',
    provider: 'Supabase',
    name: 'Supabase access token',
    envName: 'SUPABASE_ACCESS_TOKEN',
    keywords: ['sbp_'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9_])sbp_[a-f0-9]{40}(?![A-Za-z0-9])/,
    samples: {
      positive: ['sbp_' + '1f41d32238f31c72efd752934db831dbea19f7c9'],
      negative: ['sbp_' + '1f41d322'],
    },
  },
];

/** The shortest value any provider can match; shorter literals skip tier 1 entirely. */
export const MIN_PROVIDER_TOKEN_LENGTH = Math.min(...SECRET_PROVIDERS.map((provider) => provider.minLength));
