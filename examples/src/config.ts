// Runtime configuration. Most values come from the environment; two do not (see README: hardcoded-secret).

export interface AppConfig {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  cookieSecret: string | undefined;
  passwordMinLength: number;
  corsOrigins: string[];
}

export const config: AppConfig = {
  port: Number(process.env.PORT ?? 3000),
  // FLAW: a production database password in source.
  databaseUrl: 'postgres://api:Vx93kLpq2Zt-8w@db.prod.acme-shop.net:5432/shop',
  // FLAW: a known default that ships to production whenever JWT_SECRET is missing.
  jwtSecret: process.env.JWT_SECRET || 'dev-jwt-secret',
  jwtExpiresIn: '1h',
  // Safe: read from the environment.
  cookieSecret: process.env.COOKIE_SECRET,
  passwordMinLength: 12,
  corsOrigins: (process.env.CORS_ORIGINS ?? 'http://localhost:5173').split(','),
};

// Safe: names about credentials, not credentials.
export const TOKEN_HEADER = 'authorization';
export const PASSWORD_FIELD = 'password';
export const tokenUrl = 'https://auth.acme-shop.net/oauth/token';
