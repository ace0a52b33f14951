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
const base64 = (text: string) => Buffer.from(text).toString('base64');

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
  // Base64 of a signed JWT (Kubernetes secrets, config exported as base64): it must decode to one, whole.
  'jwt-base64': {
    positive: [base64(JWT_HEADER + '.' + JWT_PAYLOAD + '.' + JWT_SIGNATURE), base64(JWT_HEADER + '.' + SUPABASE_SERVICE_PAYLOAD + '.' + JWT_SIGNATURE)],
    negative: [
      base64(JWT_HEADER + '.' + JWT_PAYLOAD + '.'), // unsigned
      base64(JWT_HEADER + '.' + SUPABASE_ANON_PAYLOAD + '.' + JWT_SIGNATURE), // public by design
      base64('eyJhbGciOiJIUzI1NiIs' + 'InR5cCI6IkpXVCJ9 is the header of every HS256 token we issue'), // prose starting like one
      base64(JWT_HEADER + '.' + JWT_PAYLOAD + '.' + JWT_SIGNATURE).slice(0, 60), // cut short
    ],
  },
  'jdbc-url': {
    positive: [
      'jdbc:postgresql://orders:' + 'Wq8rTz4nLm' + '@pg.prod.acme-corp.net:5432/orders',
      'jdbc:oracle:thin:scott/' + 'Hv7pQ2xKe9' + '@ora.acme-corp.net:1521:ORCL',
      'jdbc:sqlserver://sql01.acme-corp.net:1433;databaseName=shop;user=shop_app;password=' + 'Zr5mW8qTc3' + ';encrypt=true',
      'jdbc:mysql://mysql.acme-corp.net:3306/app?user=app&password=' + 'Jk4vN9sQw2' + '&useSSL=true',
      'jdbc:sqlserver://;serverName=sql02.acme-corp.net;user=etl;password=' + 'Zr5mW8qTc3',
    ],
    negative: [
      'jdbc:postgresql://pg.prod.acme-corp.net:5432/orders', // no password
      'jdbc:sqlserver://sql01.acme-corp.net:1433;databaseName=shop;integratedSecurity=true',
      'jdbc:oracle:thin:@//ora.acme-corp.net:1521/ORCL',
      'jdbc:mysql://app:' + '${DB_PASSWORD}@mysql.acme-corp.net/app', // templated
      'jdbc:mysql://app:' + 'password@mysql.acme-corp.net/app',
      'jdbc:sqlserver://x.x.x.x:1433;user=sa;password=' + 'Zr5mW8qTc3', // documentation host
      'jdbc:postgresql://localhost:5432/app?user=app&password=' + 'Wq8rTz4nLm', // development host: reported apart
      'jdbc:h2:mem:orders;USER=sa;PASSWORD=' + 'Wq8rTz4nLm', // embedded database
    ],
  },
  'database-url': {
    positive: [
      'postgres://app:' + 'Tr0ub4dor-9x@' + 'db.internal.acme-corp.net:5432/app',
      'mysql://root:' + 'k8Jm2qLw@' + '10.0.3.7/shop',
      'postgresql+psycopg2://etl:' + 'Bn6xR2wLp8' + '@warehouse.acme-corp.net/dwh',
      'sqlserver://sa:' + 'Bn6xR2wLp8' + '@sql01.acme-corp.net:1433?database=shop',
    ],
    negative: [
      'postgres://app:' + 'password@db.example.com/app',
      'postgres://postgres:' + 'postgres@localhost:5432/app',
      'postgres://user:' + '${DB_PASSWORD}@db.example.com/app',
      'postgres://db.example.com:5432/app',
      'postgres://app:' + 'k8Jm2qLw@db:5432/app',
      'postgres://$(USER):' + '$(PASSWORD)@db.acme-corp.net/app', // Makefile and shell substitutions
      'postgres://{{user}}:' + '{{password}}@db.acme-corp.net/app',
      'mysql://%s:' + '%s@%s/%s',
      'mysql://app:' + '<password>@db.acme-corp.net/app',
      'postgresql://app:' + '$DB_PASS@db.acme-corp.net/app',
      'postgres://app:' + 'Tr0ub4dor-9x@db.example.org/app', // documentation host
      'mysql://root:' + 'k8Jm2qLw@myserver.com/shop', // documentation host
    ],
  },
  'mongodb-url': {
    positive: ['mongodb+srv://api:' + 'Vx93kLpq2Zt@' + 'cluster0.ab1cd.mongodb.net/prod?retryWrites=true', 'mongodb://reporting:' + 'Vx93kLpq2Zt' + '@mongo1.acme-corp.net:27017,mongo2.acme-corp.net:27017/reports'],
    negative: ['mongodb://localhost:27017/app', 'mongodb+srv://<username>:' + '<password>@cluster0.ab1cd.mongodb.net/', 'mongodb://admin:' + 'Vx93kLpq2Zt@127.0.0.1:27017', 'mongodb://app:' + '%s@%s/app'],
  },
  'redis-url': {
    positive: ['redis://default:' + 'p9XkQ2mWz7@' + 'redis-12345.c1.us-east-1.cloud.redislabs.com:12345', 'rediss://:' + 'p9XkQ2mWz7@cache.acme-corp.net:6380'],
    negative: ['redis://localhost:6379', 'redis://:' + 'p9XkQ2mWz7@redis:6379', 'rediss://:' + '${REDIS_PASSWORD}@cache.acme-corp.net:6380'],
  },
  // StackExchange.Redis (.NET, Azure Cache for Redis) configuration strings.
  'redis-connection-string': {
    positive: ['shop-cache.redis.cache.windows.net:6380,password=' + 'Hq7vN3xPzKw2Lm9Rt4Yb8Cd1Fg5Jk0Np3Qs6Uv9Wx2' + '=,ssl=True,abortConnect=False', 'cache.acme-corp.net,ssl=true,password=' + 'p9XkQ2mWz7'],
    negative: [
      'cache.acme-corp.net:6380,ssl=True,password=' + '${REDIS_PASSWORD}',
      'localhost:6379,password=' + 'p9XkQ2mWz7', // development host: reported apart
      'first, second, password=' + 'p9XkQ2mWz7', // a list, no host
      'cache.acme-corp.net:6380,ssl=True,abortConnect=False',
    ],
  },
  'amqp-url': {
    positive: ['amqps://orders:' + 'Hq7vN3xPz@' + 'rabbit.prod.acme-corp.net/vhost', 'amqp://billing:' + 'Hq7vN3xPz' + '@10.20.0.5:5672'],
    negative: ['amqp://guest:' + 'guest@localhost:5672', 'amqp://rabbit.example.org', 'amqps://orders:' + '<password>@rabbit.prod.acme-corp.net'],
  },
  'smtp-url': {
    positive: ['smtps://mailer%40acme-corp.net:' + 'Qx7bLm3vRt' + '@smtp.acme-corp.net:465', 'smtp://postmaster:' + 'Dw2kZ8nPq5' + '@smtp.mailrelay.io:587'],
    negative: ['smtp://localhost:1025', 'smtps://smtp.acme-corp.net', 'smtps://user:' + 'pass@smtp.acme-corp.net', 'smtp://mailer:' + 'Qx7bLm3vRt@mailhog:1025'],
  },
  'ftp-url': {
    positive: ['ftp://deploy:' + 'Mz4qW8tKc2' + '@ftp.acme-corp.net/incoming', 'sftp://backup:' + 'Rp9vX3nLs7' + '@files.acme-corp.net:22'],
    negative: ['ftp://ftp.acme-corp.net/pub', 'ftp://anonymous:' + 'guest%40acme-corp.net@ftp.acme-corp.net', 'sftp://deploy:' + '{{sftp_password}}@files.acme-corp.net'],
  },
  'ldap-url': {
    positive: ['ldaps://cn=svc-bind,ou=services,dc=acme-corp,dc=net:' + 'Kt6wQ9zRm4' + '@ldap.acme-corp.net:636', 'ldap://binduser:' + 'Kt6wQ9zRm4' + '@dc01.corp.acme-corp.net'],
    negative: ['ldaps://ldap.acme-corp.net:636/dc=acme-corp,dc=net', 'ldap://cn=admin:' + '${LDAP_BIND_PASSWORD}@ldap.acme-corp.net', 'ldap://admin:' + 'Kt6wQ9zRm4@openldap:389'],
  },
  // ADO.NET, ODBC and Npgsql `key=value;` connection strings: a password and a server key.
  'ado-connection-string': {
    positive: [
      'Server=tcp:shop-sql.database.windows.net,1433;Initial Catalog=shop;User ID=shop_app;Password=' + 'Vq3!nR8wKz2p' + ';Encrypt=True;',
      'Host=pg.acme-corp.net;Port=5432;Database=orders;Username=orders;Password=' + 'Gm5tX9cLw2',
      'Driver={ODBC Driver 18 for SQL Server};Server=sql01.acme-corp.net;Uid=etl;Pwd={' + 'Hs4;pQ8vZn' + '};',
    ],
    negative: [
      'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=' + 'myPassword;', // the documented example
      'Server=(localdb)\\MSSQLLocalDB;Database=app;Trusted_Connection=True;', // no password
      'Server=.\\SQLEXPRESS;Database=app;User Id=sa;Password=' + 'Vq3nR8wKz2', // development host: reported apart
      'Host=pg.acme-corp.net;Username=app;Password=' + '{password}', // str.format template
      'Server=' + '${DB_HOST};User Id=app;Password=' + '${DB_PASSWORD}',
      'user=app;password=' + 'Gm5tX9cLw2', // no server: any key-value text
      'Password must contain a digit; try again',
    ],
  },
};
