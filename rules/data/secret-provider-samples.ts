// True and false samples for each tier-1 provider in ./secret-providers.ts, keyed by provider id; run by
// test/rules/secret-providers.test.ts, which also checks that every provider has both kinds and no id is unknown.
// Test-only data: nothing the extension bundles imports this file, so dist/ ships no token-shaped strings (the
// .vsix passes `vsce package`'s secret scan, and users' own scanners do not flag the installed extension).
// Samples are obviously fake but format-valid; they are assembled by concatenation so that secret scanners on
// the hosting side (e.g. GitHub push protection) do not mistake this file for a leak.

/** A value to test, optionally with the name it is assigned to and the source around it (some formats need a hint). */
export type SecretSample = string | { value: string; sinkName?: string; textBefore?: string; textAfter?: string };

export interface SecretProviderSamples {
  positive: readonly SecretSample[];
  negative: readonly SecretSample[];
}

// Sample bodies: random characters, split so that no full token appears verbatim in the source.
const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
const PEM_BODY =
  'MIIEowIBAAKCAQEA' + 'QZThDffqC+si2ARELn8O80FHtafmObWYYPdnIPwNEVpd0kc72nnBHSJlhOzPkNv5\n' +
  'FwrrYxIiq0hL9/ioj1gQyzyAWMjz25BAssgLZWTMnGMsxl0H2vvf5/B6+FTe4e+b\n' +
  'DRuHAyXE0z9qBMf4WM3fvUniRggHNxjQIDNo4K5IhTBstdvxT6fWPkQHxrOi1JIp';
const JWT_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const JWT_PAYLOAD = 'eyJzdWIiOiI0ODIxIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzMyNzgwODAwfQ';
const SUPABASE_ANON_PAYLOAD = 'eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFma3ptd2JucnR4bHB2aGRnY3NlIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MzI3ODA4MDAsImV4cCI6MjA0ODM1NjgwMH0';
const SUPABASE_SERVICE_PAYLOAD = 'eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFma3ptd2JucnR4bHB2aGRnY3NlIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczMjc4MDgwMCwiZXhwIjoyMDQ4MzU2ODAwfQ';
const JWT_SIGNATURE = 'KSDKgnu9v95WfSAV7kVcZj2x' + 'bKiiXDg2iyFL7tnJVKQ';
const GITHUB_TOKEN_BODIES = {
  ghp: 'Hk34VYhy9EsAYi8IasRq' + 'bo32F3GIiev7sLWa',
  gho: 'V12YEnEncKGXNa6f8wSy' + 'Xw7I78F7TvQllw0N',
  ghu: '2YvvrcAbbsemqnZ7VneL' + '9HPONVkBHEcrRqvc',
  ghs: 'JLOUibIzd8uuSHGmMqcE' + 'MwgAH8HXyJXwjnia',
  ghr: 'S516Xxee7VGJKc8IebGe' + 'y40RXduCa9UKgD4g',
};

export const SECRET_PROVIDER_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  'aws-access-key-id': {
    positive: ['AKIA' + 'KYTGIX6ICLORE23W', 'ASIA' + 'XX7DM7UKDDK4OWR3'],
    negative: ['AKIA' + 'IOSFODNN7EXAMPLE', 'AKIA' + 'KYTGIX6ICLORE23W5', 'AKIA' + 'kytgix6iclore23w', 'AKIA' + '18GHQ01KQ0PLKQ11'],
  },
  'aws-secret-access-key': {
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
  // One entry per GitHub classic token prefix (the providers are generated the same way).
  ...Object.fromEntries(
    Object.entries(GITHUB_TOKEN_BODIES).map(([prefix, body]) => [
      `github-${prefix}`,
      {
        positive: [`${prefix}_` + body, `token ${prefix}_` + body],
        negative: [`${prefix}_` + body.slice(0, 30), `${prefix}_` + 'x'.repeat(36), `${prefix}_` + body + 'Z'],
      },
    ]),
  ),
  'github-fine-grained-pat': {
    positive: ['github_pat_' + 'uGfh67MDX0oo80UaMeyTs2' + '_' + 'Z2YyOWAFg5sIcz13UsA8TKNmuLTHSF8Yc4WCltcg5AHyyOGMVc8v2I8mQsV'],
    negative: ['github_pat_' + 'uGfh67MDX0oo80UaMeyTs2', 'github_pat_<your-token>'],
  },
  'gitlab-pat': {
    positive: ['glpat-' + 'GjaaUCuS_H38rXfFOBXR'],
    negative: ['glpat-' + 'GjaaUCuS_H38', 'glpat-' + 'xxxxxxxxxxxxxxxxxxxx'],
  },
  'stripe-secret-key': {
    positive: ['sk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'sk_live_51' + 'VdyM4oGppBhwpfnrcdjHqMl7PxfpQni0VYv0ikB1gDt5ZO0At5zPrszTMrvkDgRIXzgX'],
    negative: ['sk_live_' + '000000000000000000000000', 'sk_live_...'],
  },
  // Test mode is still a credential (reported as a warning); placeholders and Stripe's own documentation keys are not.
  'stripe-test-secret-key': {
    positive: ['sk_test_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'sk_test_51' + 'OveMCPvenqsVWRkz9wuO8RVYmhQjzgAh7yEGTle3SORsusMm'],
    negative: ['sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_' + 'x'.repeat(24), 'sk_test_123', 'sk_test_' + '000000000000000000000000'],
  },
  'stripe-test-restricted-key': {
    positive: ['rk_test_' + '5FWqS0UW13SlKKby36dyp5qa'],
    negative: ['rk_test_' + '5FWqS0', 'rk_test_' + 'XXXXXXXXXXXXXXXXXXXXXXXX'],
  },
  'stripe-publishable-key': {
    positive: ['pk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'pk_test_' + '4bsHQXGxF6C0HeuqrAFYEBeP'],
    negative: ['pk_test_' + 'TYooMQauvdEDq54NiTphI7jx', 'pk_live_' + 'XXXXXXXXXXXXXXXXXXXXXXXX', 'pk_live_' + '4bsHQX'],
  },
  // Same prefix as Stripe's; the body is the base64 of the instance's host and a `$`.
  'clerk-publishable-key': {
    positive: ['pk_test_' + 'cXVpZXQtb3dsLTEyLmNsZXJrLmFjY291bnRzLmRldiQ=', 'pk_live_' + 'Y2xlcmsuYWNtZXNob3AuZGV2JA=='],
    negative: ['pk_test_' + 'Y2xlcmsu'],
  },
  'stripe-restricted-key': {
    positive: ['rk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD'],
    negative: ['rk_live_' + 'Aru4Jl'],
  },
  'stripe-webhook-secret': {
    positive: ['whsec_' + 'K5WgDgixGnvPvlNEgbVlY0311NFGZ30M'],
    negative: ['whsec_' + '...', 'whsec_' + 'K5WgDgix'],
  },
  'slack-bot-token': {
    positive: ['xoxb-' + '2918273645' + '-' + '5647382910234' + '-' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
    negative: ['xoxb-' + 'your-bot-token', 'xoxb-' + '2918273645-' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
  },
  'slack-user-token': {
    positive: ['xoxp-' + '2918273645-5647382910-7584930211-' + '70ba5c2aea1ef32401715ae774e937b1'],
    negative: ['xoxp-' + '123', 'xoxp-' + 'token-goes-here-0000'],
  },
  'slack-app-token': {
    positive: ['xapp-1-' + 'A0123BCD4EF' + '-' + '5647382910234' + '-' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2'],
    negative: ['xapp-1-' + 'A0123BCD4EF-5647382910234'],
  },
  'slack-webhook': {
    positive: ['https://hooks.slack.com/services/' + 'TDFZ30ZP0AA/BNC9JLSU12K/' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
    negative: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/'],
  },
  'google-api-key': {
    positive: [
      'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6',
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', textBefore: 'const maps = new mapsclient({ key: ' },
      // Legacy Cloud Messaging server keys share the format and are secret: "firebase" nearby is not a web config.
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'firebaseServerKey', textBefore: 'const firebase = admin.messaging(); ' },
    ],
    negative: ['AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti', '81234567890-' + 'k2d8s7f6g5h4j3k2l1.apps.googleusercontent.com'],
  },
  // A web config's apiKey ships to every browser: told apart by the keys only that config has.
  'firebase-web-api-key': {
    positive: [
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'apiKey', textBefore: 'const firebaseconfig = {\n  apikey: ', textAfter: ",\n  authdomain: 'acme.firebaseapp.com'," },
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'apiKey', textBefore: 'initializeapp({ apikey: ', textAfter: ", projectid: 'acme-shop', appid: '1:81234567890:web:2d8s7f6g5h4j' })" },
    ],
    negative: [{ value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0c', textAfter: ", authdomain: 'acme.firebaseapp.com'" }],
  },
  'google-oauth-client-secret': {
    positive: ['GOCSPX-' + 'DdS1F0r6XTRST90kNK9De83SgBKS'],
    negative: ['GOCSPX-' + 'DdS1F0r6', 'GOCSPX-<client-secret>'],
  },
  'openai-api-key': {
    positive: [
      'sk-proj-' + 'BgMIyWJJbPKdFPaizsmPzwEF079iqXR9aDMvhA70nbgchmb0eKDAEAWW1zGVxjgrjI5UawOS4x10_DwZ0k1TrXSg5N6paQamEwXtA0vVa_OP1GjuC18UjuGz',
      'sk-' + 'qMuRhT24LXHwBgGYGNFf' + 'T3BlbkFJ' + 'ydqqHPxllqf4GRmD3d68',
    ],
    negative: ['sk-proj-' + '...', 'sk-' + 'qMuRhT24LXHwBgGYGNFf', 'sk-ant-api03-' + 'RFpgtWi2AwE7k3nQcWXDavqezlMTOqFdH6U3Mh7L9qrqejbFzsGrYHVL'],
  },
  'anthropic-api-key': {
    positive: ['sk-ant-api03-' + 'RFpgtWi2AwE7k3nQcWXDavqezlMTOqFdH6U3Mh7L9qrqejbFzsGrYHVLzS0Xd9WCOwFDiDFz7HxjxclgFvXvLaCdlIoGP' + 'AA'],
    negative: ['sk-ant-api03-' + 'RFpgtWi2AwE7k3nQ', 'sk-ant-...'],
  },
  'twilio-api-key': {
    positive: ['SK' + 'fbec408565e0221a2a9a0d76a82ce4a3'],
    negative: ['AC' + 'fbec408565e0221a2a9a0d76a82ce4a3', 'TASK' + 'fbec408565e0221a2a9a0d76a82ce4a3', 'SK' + 'FBEC408565E0221A2A9A0D76A82CE4A3'],
  },
  'sendgrid-api-key': {
    positive: ['SG.' + 'Dos5irwtMSqNNVPEyYpUW-' + '.' + 'cO3H7npLDNV_WtFwBcW4FWoSEZuJMUPGiC78F11OAGR'],
    negative: ['SG.' + 'Dos5irwtMSqNNVPEyYpUW-', 'SG.xxxxxxxx.yyyyyyyy'],
  },
  'mailgun-api-key': {
    positive: ['key-' + '7aaeeda0e47d878ad62b2cbef0e5689d'],
    negative: ['cache-key-' + '7aaeeda0e47d878ad62b2cbef0e5689d', 'key-' + '7aaeeda0', 'primary-key-column'],
  },
  'mailchimp-api-key': {
    positive: ['6a96fba72ac1d5e71071605bbd4bdf4a' + '-us21'],
    negative: ['6a96fba72ac1d5e71071605bbd4bdf4a', 'en-us', 'd59ab25f-en-us1'],
  },
  'npm-token': {
    positive: ['npm_' + '1PvZdExc6PlGZPoqMhoRrHC6yCzpL9CVLNkS', '//registry.npmjs.org/:_authToken=npm_' + '1PvZdExc6PlGZPoqMhoRrHC6yCzpL9CVLNkS'],
    negative: ['npm_config_registry', 'npm_' + 'package_json_version_field_name_here'],
  },
  'pypi-token': {
    positive: ['pypi-AgEIcHlwaS5vcmc' + '_RFHtuYpWBMstF0mJa3KqY__NVjSlutzbf-NyTA7s7f6ynpGqL68GNZ6gUCAqQwYcKZsZM'],
    negative: ['pypi-AgEIcHlwaS5vcmc', 'pypi-' + 'token-for-upload'],
  },
  'private-key': {
    positive: [pem('RSA ' + 'PRIVATE KEY', PEM_BODY), pem('PRIVATE ' + 'KEY', PEM_BODY.replace(/\n/g, '\\n')), pem('OPENSSH ' + 'PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA' + PEM_BODY)],
    negative: ['-----BEGIN ' + 'PRIVATE KEY-----', '-----BEGIN ' + 'PRIVATE KEY-----' + ' '.repeat(60) + '-----END PRIVATE KEY-----', pem('PUBLIC KEY', PEM_BODY), pem('CERTIFICATE', PEM_BODY), '-----BEGIN RSA ' + 'PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'],
  },
  // The anon key is meant for browsers (row level security guards the data); the service_role key is a secret JWT.
  'supabase-anon-key': {
    positive: [JWT_HEADER + '.' + SUPABASE_ANON_PAYLOAD + '.' + JWT_SIGNATURE],
    negative: ['eyJhbGciOiJIUzI1NiIs' + '.' + SUPABASE_ANON_PAYLOAD],
  },
  'jwt': {
    positive: [JWT_HEADER + '.' + JWT_PAYLOAD + '.' + JWT_SIGNATURE, 'Bearer ' + JWT_HEADER + '.' + JWT_PAYLOAD + '.' + JWT_SIGNATURE, JWT_HEADER + '.' + SUPABASE_SERVICE_PAYLOAD + '.' + JWT_SIGNATURE],
    negative: [
      'eyJraWQiOiJrMSIsInR5cCI6IkpXVCJ9' + '.' + JWT_PAYLOAD + '.' + JWT_SIGNATURE, // header without "alg"
      JWT_HEADER + '.' + JWT_PAYLOAD + '.', // unsigned, nothing to protect
      'eyJhbGciOiJIUzI1NiIs',
    ],
  },
  'database-url': {
    positive: ['postgres://app:' + 'Tr0ub4dor-9x@' + 'db.internal.acme-corp.net:5432/app', 'mysql://root:' + 'k8Jm2qLw@' + '10.0.3.7/shop'],
    negative: [
      'postgres://app:' + 'password@db.example.com/app',
      'postgres://postgres:' + 'postgres@localhost:5432/app',
      'postgres://user:' + '${DB_PASSWORD}@db.example.com/app',
      'postgres://db.example.com:5432/app',
      'postgres://app:' + 'k8Jm2qLw@db:5432/app',
    ],
  },
  'mongodb-url': {
    positive: ['mongodb+srv://api:' + 'Vx93kLpq2Zt@' + 'cluster0.ab1cd.mongodb.net/prod?retryWrites=true'],
    negative: ['mongodb://localhost:27017/app', 'mongodb+srv://<username>:' + '<password>@cluster0.ab1cd.mongodb.net/', 'mongodb://admin:' + 'Vx93kLpq2Zt@127.0.0.1:27017'],
  },
  'redis-url': {
    positive: ['redis://default:' + 'p9XkQ2mWz7@' + 'redis-12345.c1.us-east-1.cloud.redislabs.com:12345', 'rediss://:' + 'p9XkQ2mWz7@cache.acme-corp.net:6380'],
    negative: ['redis://localhost:6379', 'redis://:' + 'p9XkQ2mWz7@redis:6379'],
  },
  'amqp-url': {
    positive: ['amqps://orders:' + 'Hq7vN3xPz@' + 'rabbit.prod.acme-corp.net/vhost'],
    negative: ['amqp://guest:' + 'guest@localhost:5672', 'amqp://rabbit.example.org'],
  },
  'shopify-token': {
    positive: ['shpat_' + '95b36a832bf5df34bca49554241cad4e', 'shpss_' + '95b36a832bf5df34bca49554241cad4e'],
    negative: ['shpat_' + '95b36a83', 'shpat_' + '<token>'],
  },
  'square-token': {
    positive: ['sq0atp-' + 'vvMfxZsOisb4Ce-7eXCKrY', 'sq0csp-' + '-5dMzKv9iMQZfSPS-nwIGn_ohgjTEc1oj9ygVjQ05gm', 'EAAA' + 'u8SxORrBnH78mXoroWmgMpdLXzHFRXOn-K3hQS2cjso6_Hk35-7j5zhb0Fdu'],
    negative: ['sq0idp-' + 'vvMfxZsOisb4Ce-7eXCKrY', 'EAAA' + 'u8SxORrBnH78'],
  },
  'discord-bot-token': {
    positive: ['ODEyMzQ1Njc4OTAxMjM0NTY3' + '.ZAGGeA.' + 'oKy1MAV_XcrMQWF_ycRQL1Eh-bj'],
    negative: ['MzQ1Njc4OTAxMjM0NTY3YWJj' + '.ZAGGeA.' + 'oKy1MAV_XcrMQWF_ycRQL1Eh-bj', 'NotAToken.abcdef.ghijklmnopqrstuvwxyz0123456'],
  },
  'discord-webhook': {
    positive: ['https://discord.com/api/webhooks/' + '812345678901234567/' + 'zYwbHJbhJ4ev5sHOnETmhB2sfzhxO9-1gbGtNE9jISPcPAEwvzAj6ZcSN_O6wMxc10Nq'],
    negative: ['https://discord.com/api/webhooks/' + '{id}/{token}'],
  },
  'telegram-bot-token': {
    positive: ['7391028465' + ':AA' + 'NUxSF68KPY1O0Tlj1Mpbm_6FI_BUGwUYQ'],
    negative: ['7391028465' + ':AA' + 'NUxSF68', 'https://api.telegram.org/bot<token>/getMe'],
  },
  'digitalocean-token': {
    positive: ['dop_v1_' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2', 'doo_v1_' + 'fa9e43ee17f79f1c508921fc393dfb572062fdc6b1bc05638cb62c6786927b6c'],
    negative: ['dop_v1_' + '380ef8fd', 'dop_v2_' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2'],
  },
  'heroku-api-key': {
    positive: ['HRKU-AA' + '4ROytF8p5XeI3d34MVE8xUGg9x56h2asVyhYBJQUG2WImjwVKYTH1Ro0VH'],
    negative: ['HRKU-' + '4ROytF8p5XeI', 'HRKU-' + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
  'azure-storage-connection-string': {
    positive: ['DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=' + 'NeEFx2kWcM8+yWueMKkRYK6tivwsIi2jQFQfpwn9PdVcayvQxubQIo2Gtf41n+rYXm06H72eY/xwmquq32mha9' + '==;EndpointSuffix=core.windows.net'],
    negative: [
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=' + 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
      'UseDevelopmentStorage=true',
    ],
  },
  'datadog-api-key': {
    positive: [{ value: 'd59ab25f3101b46fd5deec38db7936a1', sinkName: 'datadogApiKey' }, { value: 'd59ab25f3101b46fd5deec38db7936a1', textBefore: 'process.env.dd_api_key = ' }],
    negative: [{ value: 'd59ab25f3101b46fd5deec38db7936a1', sinkName: 'etag' }, { value: 'd59ab25f3101b46fd5deec38db7936a1' }],
  },
  'newrelic-user-key': {
    positive: ['NRAK-' + 'IT5KHC5MZYLMM1NVITZUA7HYGLN'],
    negative: ['NRAK-' + 'IT5KHC5M', 'NRJS-' + '7da5a2c7aeee24e85e8'],
  },
  'newrelic-license-key': {
    positive: ['7da5a2c7aeee24e85e89f1ea07db15e66ec9' + 'NRAL'],
    negative: ['7da5a2c7aeee' + 'NRAL', 'NRAL'],
  },
  'doppler-token': {
    positive: ['dp.pt.' + 'qH5Qyr4XAK95Y413k1qR189krjahBrCAp7PdKor74gk', 'dp.st.' + 'lin5PUGE77jzEe1Ssg9lEaifEM4UtVZvebioiXBnl'],
    negative: ['dp.pt.' + 'qH5Qyr4XAK', 'app.dp.st.config'],
  },
  'linear-api-key': {
    positive: ['lin_api_' + '5PUGE77jzEe1Ssg9lEaifEM4UtVZvebioiXBnlXf'],
    negative: ['lin_api_' + '5PUGE77jz', 'lin_api_key'],
  },
  'postman-api-key': {
    positive: ['PMAK-' + 'fd83c8907eb3232fd77771e8' + '-' + 'e853658f95a7021a5fb3e2239f29a43332'],
    negative: ['PMAK-' + 'fd83c8907eb3232fd77771e8', 'PMAK-<key>'],
  },
  'vault-token': {
    positive: ['hvs.' + 'SX3VbM09QVASoiPxM0usNvbQ7ji6m0PPSNOCA2ex93ygzvdG64Ed61geTEaBxu2cdUOwtuv3a0v_rGG9RzHECsUlTWI'],
    negative: ['hvs.' + 'SX3VbM09QVASoiPx', 'this.hvs.value'],
  },
  'terraform-cloud-token': {
    positive: ['m2qonfibjv3cdq' + '.atlasv1.' + 'uf1yz7vox73q9mdvy9bcfexsgmno0kpy2zzgg62qitxa9utbba632vfcusnu4xyyvs4'],
    negative: ['m2qonfibjv3cdq' + '.atlasv1.' + 'short'],
  },
  'sentry-auth-token': {
    positive: ['sntrys_' + 'rx5Y5C4UMn10v4FADypy4xPIu3g1VLoO3LU5BQ9GwWkJqKywb5iNcMj1yK6f'],
    negative: ['sntrys_' + 'rx5Y5C'],
  },
  // Public by design (it ships in browser bundles): information.
  'sentry-dsn': {
    positive: ['https://' + '70ba5c2aea1ef32401715ae774e937b1@o412345.ingest.sentry.io/5567890', 'https://' + '8167de5ad138638c96217ce17511cb08@sentry.acme-corp.net/12'],
    negative: ['https://sentry.io/organizations/acme/issues/', 'https://' + '70ba5c2aea1ef32401715ae774e937b@o412345.ingest.sentry.io/5567890'],
  },
  'posthog-project-key': {
    positive: ['phc_' + 'stkuqiVxbpJ7BiBIeSlM7Jvt7esSnpWOxR7tTh7II2P'],
    negative: ['phc_' + 'stkuqiVxbpJ7', 'phc_' + 'X'.repeat(43)],
  },
  'mapbox-public-token': {
    positive: ['pk.eyJ1IjoiYWNtZSIsImEiOiJjbHgxMjM0NTY3ODkwIn0' + '.Zk3mW8pQ2rT6yU9iO0pA1s'],
    negative: ['pk.eyJ1IjoiYWNtZSJ9', 'mapbox://styles/acme/' + 'clx1234567890abcdefghijk'],
  },
  // Only under a search-key name with an Algolia hint: the same 32 hex characters are also admin keys and hashes.
  'algolia-search-key': {
    positive: [{ value: '8167de5ad138638c' + '96217ce17511cb08', sinkName: 'algoliaSearchKey' }, { value: '8167de5ad138638c' + '96217ce17511cb08', sinkName: 'searchOnlyApiKey', textBefore: "const client = algoliasearch('latency', " }],
    negative: [{ value: '8167de5ad138638c' + '96217ce17511cb08', sinkName: 'searchKey' }, { value: '8167de5ad138638c' + '96217ce17511cb08', sinkName: 'algoliaAdminKey' }],
  },
  'huggingface-token': {
    positive: ['hf_' + 'wRLZctXsOsdcLzXSxGbIRbNgzKqJxXfCbV'],
    negative: ['hf_' + 'wRLZctXsOsdc', 'hf_' + 'transformersmodelcachedirectorypath'],
  },
  'databricks-token': {
    positive: ['dapi' + '70ba5c2aea1ef32401715ae774e937b1'],
    negative: ['dapi' + '70ba5c2a', 'rapidapi' + '70ba5c2aea1ef32401715ae774e937b1'],
  },
  'grafana-token': {
    positive: ['glsa_' + 's9UTPi5Y99fguDyKUZ4Lm8QyhDzcNjht' + '_8ae6cde6'],
    negative: ['glsa_' + 's9UTPi5Y99fguDyK'],
  },
  'age-secret-key': {
    positive: ['AGE-SECRET-KEY-1' + 'LNJLUFHCXE648AK6YTC3TUVS5AZF8GM2VQWKUJEX69GGRV8GES8QZUQF5D'],
    negative: ['AGE-SECRET-KEY-1' + 'LNJLUFHCXE'],
  },
  'groq-api-key': {
    positive: ['gsk_' + 'NhwUGATUG3WQlg2Kew2LDKakgBJkD7G9dqkGJylstb7zEqrZx5ws'],
    negative: ['gsk_' + 'NhwUGATUG3WQ'],
  },
  'supabase-access-token': {
    positive: ['sbp_' + '1f41d32238f31c72efd752934db831dbea19f7c9'],
    negative: ['sbp_' + '1f41d322'],
  },
};
