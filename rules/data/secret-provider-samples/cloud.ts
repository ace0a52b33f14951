// True and false samples for the tier-1 formats in ../secret-providers/cloud.ts, keyed by provider id. Test-only:
// see ./index.ts.
import type { SecretProviderSamples } from './shared';

export const CLOUD_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  'aws-access-key-id': {
    positive: ['AKIA' + 'KYTGIX6ICLORE23W', 'ASIA' + 'XX7DM7UKDDK4OWR3'],
    negative: ['AKIA' + 'IOSFODNN7EXAMPLE', 'AKIA' + 'KYTGIX6ICLORE23W5', 'AKIA' + 'kytgix6iclore23w', 'AKIA' + '18GHQ01KQ0PLKQ11'],
  },
  // STS session tokens: the fixed encoded header, then hundreds of base64 characters.
  'aws-session-token': {
    positive: [
      'IQoJb3JpZ2luX2Vj' + 'RAbBEVtGa5/DvQkokMu/Um1dVQwJ8hedcAXjwwd78zjT90vO4AWOZbYSk/Bb2YTJam7INHdj5DypBV2Y2DSdlDmFKZ9mfDkNrLEhxNPkXYCTVhh6M6r47USCippFx9sVW1eaJ/uw3BOmtCiFw4uuITOD4lP0nUiCMHlzejzEuwjcyb776RWmaOCD5R8SKg/1TKpTieFt9IacP5JIW6ilr4GxBus6Qp8TjzsL13obvAzHSTxIFDLBTBCsx6pwh5JYcj6//nvTcArneuNQX67LJkx1B7ro4LLfC8QOygyM0xsH5qFGhYXHkpocvLz3aGyh2TM9jiQZWiutgXZcQ3O9xsr8QPWkiNjOuqSh8OJe6KW5p6p81rMxolqviRihpXQcKQk4hJSu9h/tYUe5',
      { value: 'FwoGZXIvYXdzE' + 'LrYjv0RpFDtM0rHN0P7CYH36Mwwe0Xyw2UbbK60FNie0UJZXLXUmCvDFaIy0MMlZLX6cgHLHlxOm5muD4BY0AlrEE2uImsOFauzwRkFq8ZRUSb8Ekv8jnNK1Ultf7N5mbjRbJuyDMsG3R4gX+kYaLiMh2QXsiD47Q1jf21dF5NtNzc9zCVnbfd8HPMhgQUehvWRjCvsYIuiTU7Dk+4PALAE3dXpG5s06cV2f6w+d08CbuRia6y/BFYg8LE4QHwGqyrIB+WFKFjkSSL8E4fCn4wfhEGfS2Opx/7pz+w+iI9l/g9Uk7JZ/xOXiS0Kvvc21QRIHS6/Pqk05Ud45fT5i0+eqBh1uxi3vCPNwN5GtF16gPACJT01ES0=', sinkName: 'sessionToken' },
    ],
    negative: [
      // A presigned URL's copy is URL-encoded (and expired); a truncated one; a placeholder.
      'X-Amz-Security-Token=' + 'IQoJb3JpZ2luX2Vj' + 'b93DO8piYYbPUH79GydjQtDAclDht%2FY3oWpIbNHGwrG0naUx4g0gvbOEaxyLTFu1ipivUpY9YOrs8EnoT7S5mVUyI4jn9H9b7jd8JFCAUEw7fQe8%2Fk4r5pLY0KkarrvI%2F%2Fh747sTZZ9KZtOxIHWTWduiwZmXU9814Ad2Yra5uFLvjqnhlSxG3eDqGF%2BtVmBx7H4jYhBy0%2BP8nwtrXLTw6BX5gFEkv%2FxhSSkqB77yOhRCjFzGBcomuxCBw0VwAIHDyuL8A3tEoLchstKug5HctBjOaTC66Yq%2FXVeHkBRTA74QGv6uN2u3UMlkSnsJamR4jP7CmcKbvDvsoDoa0fWHb9Z2RbE77u3qORIYlDrQ8AaI42dwlX%2FahA7dmN%2BbhyhjK6OnVLIri6wsRToC',
      'IQoJb3JpZ2luX2Vj' + 'RAbBEVtGa5/DvQkokMu/Um1dVQwJ8hedcAXjwwd78zjT90vO4AWOZbYSk/Bb2YTJ',
      'IQoJb3JpZ2luX2Vj' + '<your-session-token>',
    ],
  },
  // Long-term Bedrock keys encode "BedrockAPIKey-…": the fixed start is what tells them from any ABSK… run.
  'aws-bedrock-api-key': {
    positive: [
      'ABSK' + 'QmVkcm9ja0FQSUtleS1' + 'vwUQK7pDu64TYXxx9RJZ2VV5P5iGLhNAQLZdrqOkjlzxpULs7XvtY8MyzMSY5W6yRImrDhdcA6dcyRvv07UOD2uM4Q9xe6Kkr5hRFEzck',
      'ABSK' + 'QmVkcm9ja0FQSUtleS0' + 'cJUSyBxBZxpqUGSHmEjKcNLEwh2Jk2I9lsVM63Nf8/9CywFn4C9UwzJuqPGU16m8rVSgWdaMqDylEvxzpt/iKSclQOe8n6ypTaxNQkqrKx1=',
    ],
    negative: [
      'ABSK' + 'QmVkcm9ja0FQSUtleS1' + 'EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE',
      'ABSK' + 'Zm9vYmFyLWtleS1' + 'vwUQK7pDu64TYXxx9RJZ2VV5P5iGLhNAQLZdrqOkjlzxpULs7XvtY8MyzMSY5W6yRImrDhdcA6dcyRvv07UOD2uM4Q9xe6Kkr5hRFEzck',
      'ABSK' + 'QmVkcm9ja0FQSUtleS1' + 'vwUQK7pDu64TYXxx9RJZ2VV5P5iGLh',
    ],
  },
  'aws-bedrock-short-term-api-key': {
    positive: [
      'bedrock-api-key-' + 'YmVkcm9jay5hbWF6b25hd3MuY29t' + 'Lz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFDLVNIQTI1NiZYLUFtei1DcmVkZW50aWFsPUFTSUFGU1dUWlZOWFJWUFdFM0ZBJTJGMjAyNjExMjklMkZ1cy1lYXN0LTElMkZiZWRyb2NrJTJGYXdzNF9yZXF1ZXN0JlgtQW16LURhdGU9MjAyNjExMjlUMTIwMDAwWiZYLUFtei1FeHBpcmVzPTQzMjAwJlgtQW16LVNpZ25hdHVyZT02MTQzMjMyNTIzOWI1ZDBkZDUzODE4NzdiMWExMTZlYjE4NjAyNjQ0NzlmMmJhOTM2ZmE5MzYyOWQxODk3ZTNjJlgtQW16LVNpZ25lZEhlYWRlcnM9aG9zdCZWZXJzaW9uPTE=',
      { value: 'bedrock-api-key-' + 'YmVkcm9jay5hbWF6b25hd3MuY29t' + 'Lz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbiZYLUFtei1BbGdvcml0aG09QVdTNC1ITUFD', sinkName: 'AWS_BEARER_TOKEN_BEDROCK' },
    ],
    negative: [
      'bedrock-api-key-' + 'YmVkcm9jay5hbWF6b25hd3MuY29x',
      'bedrock-api-key-' + '${BEDROCK_TOKEN}',
      'bedrock-api-key-' + 'Zm9vLmV4YW1wbGUuY29t',
    ],
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
  // A key file as one string (JSON escapes) or as an object around the private_key literal.
  'gcp-service-account-key': {
    positive: [
      '{"type": "service_account", "project_id": "acme-prod", "private_key_id": "6ee9b90c13fe4364b2626fdaf7e8dbb3", ' +
        '"private_key": "-----BEGIN PRIVATE KEY-----\\n' + 'MIIEvgIBADANBgkqhkiG9w0BAQEFAASC' + '8/9CywFn4C9UwzJuqPGU16m8rVSgWdaMqDylEvxzpt/iKSclQOe8n6ypTaxNQkqr\\n' +
        'sfpStUeskf7dfvViHtIabHZLO9FrXmtrVkjk3qfqQ+DToYwWZFQWB4C4qgjfEOTs\\nUoFqckit5mzNWGwUSzVkXib0WF4DZP+BIMPjzpl4MtbxnliowpJ5ps4XiiXVjUI5\\n' +
        'xeIlONJ/eJNLrQuXUE46Gw5GNBvgZjlyZeHsi1scV1x0TpXsHGyBjK3sxG4yRMZI\\n-----END PRIVATE KEY-----\\n", "client_email": "deploy@acme-prod.iam.gserviceaccount.com"}',
      {
        value: '-----BEGIN PRIVATE KEY-----\n' + 'MIIEvgIBADANBgkqhkiG9w0BAQEFAASC' + 'xeIlONJ/eJNLrQuXUE46Gw5GNBvgZjlyZeHsi1scV1x0TpXsHGyBjK3sxG4yRMZI\n' +
          'BpotJXgMF8OB5jgf0kYFcWNJl5S6BNDQa2q1+pA27W3PswlKC4o8Yo2VVT1nxzCP\npHIlQ0AywhiASgG8F+eidX+84VcD/nEHHGQxeVMVY8b9fr6Fxqm3FsbnKnmlG6/d\n-----END PRIVATE KEY-----\n',
        sinkName: 'private_key',
        textBefore: "const credentials = {\n  type: 'service_account',\n  project_id: 'acme-prod',\n  private_key: ",
      },
    ],
    negative: [
      // Truncated key material (documentation), a redacted key, an OAuth client file: no private key to leak.
      '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n' + 'MIIEvAIBADANBgkqhkiG9w0BAQEFAASC...\\n-----END PRIVATE KEY-----\\n"}',
      '{"type": "service_account", "project_id": "acme-prod", "private_key": "", "client_email": "deploy@acme-prod.iam.gserviceaccount.com"}',
      '{"type": "service_account", "private_key": "${GCP_PRIVATE_KEY}", "client_email": "deploy@acme-prod.iam.gserviceaccount.com"}',
    ],
  },
  // A web config's apiKey ships to every browser: told apart by the keys only that config has.
  'firebase-web-api-key': {
    positive: [
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'apiKey', textBefore: 'const firebaseconfig = {\n  apikey: ', textAfter: ",\n  authdomain: 'acme.firebaseapp.com'," },
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'apiKey', textBefore: 'initializeapp({ apikey: ', textAfter: ", projectid: 'acme-shop', appid: '1:81234567890:web:2d8s7f6g5h4j' })" },
    ],
    negative: [{ value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0c', textAfter: ", authdomain: 'acme.firebaseapp.com'" }],
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
  'google-oauth-client-secret': {
    positive: ['GOCSPX-' + 'DdS1F0r6XTRST90kNK9De83SgBKS'],
    negative: ['GOCSPX-' + 'DdS1F0r6', 'GOCSPX-<client-secret>'],
  },
  'google-oauth-access-token': {
    positive: ['ya29.' + 'DBQzY72Hra5UlyEh_vuI7cDF5XRQxMjFkKiZ87gM0eD1u2XCUiZHofNJF-ZV', { value: 'Bearer ya29.' + 'a0AfH6SM' + 'uEK24jrK1RD0EWoc-jonqTRjh1tCAJtnBm2rNezf9zKXyxEUyN4l7e8zwbfwumv_H7OVb7', sinkName: 'authorization' }],
    negative: ['ya29.' + 'DBQzY72Hra5U', 'ya29.' + '<access-token>', 'ya29.' + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ya29.' + 'access_token_goes_here_for_the_demo_only'],
  },
  'google-oauth-refresh-token': {
    positive: ['1//0' + 'gUEK24jrK1RD0EWoc-jonqTRjh1tCAJtnBm2rNezf9zKXyxEUyN4l7e8zwbfwumv_H7OVb7', { value: '1//0' + '4DBQzY72Hra5UlyEh_vuI7cDF5XRQxMjFkKiZ87gM0eD1u2XCUiZHofNJF-ZV', sinkName: 'refreshToken' }],
    negative: ['1//0' + 'gUEK24jrK1RD0EWoc', 'x1//0' + 'gUEK24jrK1RD0EWoc-jonqTRjh1tCAJtnBm2rNezf9zKXyxEUyN4l7e8zwbfwumv_H7OVb7', '1//0' + 'your_refresh_token_from_the_oauth_playground'],
  },
  'cloudflare-api-token': {
    positive: ['cfut_' + 'EBV7hcBprpyzd37FpwzKihWLYFfN79OR35w4XAGh' + 'ca74b1d8', 'cfat_' + 'Vj3qbo1micaxe1Uva5nKLxiyor73UjlxbCUStIsl' + '0e9d2f41'],
    negative: ['cfut_' + 'EBV7hcBprpyzd37FpwzKihWLYFfN79OR35w4XAGh' + 'CA74B1D8', 'cfut_' + 'EBV7hcBprpyzd37FpwzKihWLYFfN79', 'cfut_' + '<your-api-token>'],
  },
  'cloudflare-global-api-key': {
    positive: ['cfk_' + 'cJUSyBxBZxpqUGSHmEjKcNLEwh2Jk2I9lsVM63Nf' + 'd33370a7', { value: 'cfk_' + 'iEV99hl2cq' + 'XBETmx1NGQ6ZKqoQYahP7GN8tgAG03' + '5b7ec044', sinkName: 'authKey' }],
    negative: ['cfk_' + 'cJUSyBxBZxpqUGSHmEjKcNLEwh2Jk2I9lsVM63Nf', 'cfk_' + 'cJUSyBxBZxpqUGSH-mEjKcNLEwh2Jk2I9lsVM63Nf' + 'd33370a7'],
  },
  'cloudflare-origin-ca-key': {
    positive: [
      'v1.0-' + '8b46730354051c6df1d2a91b' + '-' + '9d38b9d881d03a40ed1167f237fe818b5abf7c74a22f2d12f1fd754655406306e91db79ddebf63e0ee9e8817d87ecdf9a8fc469c2cb2b9e698ae0183b3eb15b7ec044c570af54e2b11',
      { value: 'v1.0-' + 'f5d833d49765f620c518eb0d' + '-' + 'f11184ca1df9c9d38b9d881d03a40ed1167f237fe818b5abf7c74a22f2d12f1fd754655406306e91db79ddebf63e0ee9e8817d87ecdf9a8fc469c2cb2b9e698ae0183b3eb15b7ec044', sinkName: 'originCaKey' },
    ],
    negative: [
      'v1.0-' + '8b46730354051c6df1d2a91b' + '-' + '9d38b9d881d03a40ed1167f237fe818b5abf7c74',
      'v1.0-' + '8B46730354051C6DF1D2A91B' + '-' + '9D38B9D881D03A40ED1167F237FE818B5ABF7C74A22F2D12F1FD754655406306E91DB79DDEBF63E0EE9E8817D87ECDF9A8FC469C2CB2B9E698AE0183B3EB15B7EC044C570AF54E2B11',
      'v1.0-' + '8b46730354051c6df1d2' + '-' + 'a91b' + '9d38b9d881d03a40ed1167f237fe818b5abf7c74a22f2d12f1fd754655406306e91db79ddebf63e0ee9e8817d87ecdf9a8fc469c2cb2b9e698ae0183b3eb15b7ec044c570af54e2b11',
    ],
  },
  'vercel-token': {
    positive: ['vcp_' + 'Vj3qbo1micaxe1Uva5nKLxiyor73UjlxbCUStIsl', 'vck_' + 'cEsHCFSMje' + 'QxglVbkJijeR1M8tgAG03x'],
    negative: ['vcp_' + 'featureFlagsForTheDashboard', 'vcp_' + 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'vcx_' + 'Vj3qbo1micaxe1Uva5nKLxiyor73UjlxbCUStIsl'],
  },
  'digitalocean-token': {
    positive: ['dop_v1_' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2', 'doo_v1_' + 'fa9e43ee17f79f1c508921fc393dfb572062fdc6b1bc05638cb62c6786927b6c'],
    negative: ['dop_v1_' + '380ef8fd', 'dop_v2_' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2'],
  },
  'heroku-api-key': {
    positive: ['HRKU-AA' + '4ROytF8p5XeI3d34MVE8xUGg9x56h2asVyhYBJQUG2WImjwVKYTH1Ro0VH'],
    negative: ['HRKU-' + '4ROytF8p5XeI', 'HRKU-' + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
  // Legacy formats without a prefix: only under a credential name, with the provider named in it or just before.
  'cloudflare-legacy-api-token': {
    positive: [
      { value: 'iEV99hl2cq' + 'XBETmx1NGQ6ZKqoQYahP7GN8tgAG03', sinkName: 'CLOUDFLARE_API_TOKEN' },
      { value: 'iEV99hl2cq' + 'XBETmx1NGQ6ZKq-oQYahP7GN8tgAG0', sinkName: 'apiToken', textBefore: 'const cf = new cloudflare({\n  ' },
    ],
    negative: [
      { value: 'iEV99hl2cq' + 'XBETmx1NGQ6ZKqoQYahP7GN8tgAG03', sinkName: 'apiToken' },
      { value: 'iEV99hl2cq' + 'XBETmx1NGQ6ZKqoQYahP7GN8tgAG03', sinkName: 'cloudflareRequestId' },
      { value: 'iEV99hl2cq' + 'XBETmx1NGQ6ZKqoQYahP7GN8tgAG03', sinkName: 'label', textBefore: 'const cloudflare = { ' },
      { value: 'iEV99hl2cq' + 'XBETmx1NGQ6ZKqoQYahP7GN8tgAG03', sinkName: 'CLOUDFLARE_KEY_ID' },
    ],
  },
  'cloudflare-legacy-global-api-key': {
    positive: [
      { value: 'f5d833d497' + '65f620c518eb0df11184ca1df9c', sinkName: 'CLOUDFLARE_GLOBAL_API_KEY' },
      // "shared" is not "sha": only whole words of the name rule a credential out.
      { value: 'f5d833d497' + '65f620c518eb0df11184ca1df9c', sinkName: 'cloudflareSharedKey' },
      { value: 'f5d833d497' + '65f620c518eb0df11184ca1df9c', sinkName: 'globalKey', textBefore: "const cloudflareauth = { email: 'ops@acme.dev', " },
    ],
    negative: [
      { value: 'f5d833d497' + '65f620c518eb0df11184ca1df9c', sinkName: 'apiKey' },
      { value: '9d38b9d881' + 'd03a40ed1167f237fe818b5abf7c74', sinkName: 'cloudflareCommitSha' },
      { value: 'f5d833d497' + '65f620c518eb0df11184ca1df9cz', sinkName: 'CLOUDFLARE_GLOBAL_API_KEY' },
    ],
  },
  'vercel-legacy-token': {
    positive: [
      { value: 'cEsHCFSMje' + 'QxglVbkJijeR1M', sinkName: 'VERCEL_TOKEN' },
      { value: 'cEsHCFSMje' + 'QxglVbkJijeR1M', sinkName: 'token', textBefore: "import { vercel } from '@vercel/sdk';\nconst client = new vercel({ " },
    ],
    negative: [
      { value: 'cEsHCFSMje' + 'QxglVbkJijeR1M', sinkName: 'token' },
      { value: 'cEsHCFSMje' + 'QxglVbkJijeR1M', sinkName: 'vercelProjectId' },
      { value: 'vercelprev' + 'iewdeployments', sinkName: 'VERCEL_TOKEN' },
    ],
  },
  'heroku-legacy-api-key': {
    positive: [
      { value: '6ee9b90c-1' + '3fe-4364-b262-6fdaf7e8dbb3', sinkName: 'HEROKU_API_KEY' },
      { value: '6ee9b90c-1' + '3fe-4364-b262-6fdaf7e8dbb3', sinkName: 'apiKey', textBefore: 'const heroku = new heroku({ ' },
    ],
    negative: [
      { value: '6ee9b90c-1' + '3fe-4364-b262-6fdaf7e8dbb3', sinkName: 'apiKey' },
      { value: '6ee9b90c-1' + '3fe-4364-b262-6fdaf7e8dbb3', sinkName: 'herokuAppId' },
      { value: '00000000-0' + '000-0000-0000-000000000000', sinkName: 'HEROKU_API_KEY' },
    ],
  },
};
