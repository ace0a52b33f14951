// True and false samples for the tier-1 formats in ../secret-providers/connections.ts, keyed by provider id. Test-only:
// see ./index.ts.
import type { SecretProviderSamples } from './shared';

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

export const CONNECTIONS_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
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
};
