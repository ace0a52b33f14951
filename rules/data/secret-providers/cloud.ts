// Tier-1 secret formats, cloud platforms and hosting: AWS, Google Cloud and Firebase, DigitalOcean, Heroku, Cloudflare, Vercel.
// Samples: ../secret-provider-samples/cloud.ts. The order of entries matters where formats overlap: the first match wins.
import { isPublicInContext, looksLikeFirebaseWebConfig } from '../secret-placeholders';
import { type SecretProvider, looksRandomMixedCase, nearby } from './shared';

const AWS_HINT = /aws|secret_?access_?key|secretaccesskey|akia|asia|s3|amazon/;

export const CLOUD_PROVIDERS: readonly SecretProvider[] = [
  {
    id: 'aws-access-key-id',
    provider: 'AWS',
    name: 'AWS access key id',
    envName: 'AWS_ACCESS_KEY_ID',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    minLength: 20,
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])/,
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
  },
  {
    id: 'firebase-web-api-key',
    provider: 'Firebase',
    name: 'Firebase web API key',
    envName: 'FIREBASE_API_KEY',
    keywords: ['AIza'],
    minLength: 39,
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
    validate: (_token, _match, context) => looksLikeFirebaseWebConfig(context.textBefore() + context.textAfter()),
    publicReason: 'a Firebase web config ships to every browser; Security Rules and App Check guard the data',
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
  },
  {
    id: 'google-oauth-client-secret',
    provider: 'Google',
    name: 'Google OAuth client secret',
    envName: 'GOOGLE_CLIENT_SECRET',
    keywords: ['GOCSPX-'],
    minLength: 35,
    pattern: /GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'digitalocean-token',
    provider: 'DigitalOcean',
    name: 'DigitalOcean access token',
    envName: 'DIGITALOCEAN_TOKEN',
    keywords: ['_v1_'],
    minLength: 71,
    pattern: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/,
  },
  {
    id: 'heroku-api-key',
    provider: 'Heroku',
    name: 'Heroku API key',
    envName: 'HEROKU_API_KEY',
    keywords: ['HRKU-'],
    minLength: 65,
    pattern: /HRKU-[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-])/,
  },
];
