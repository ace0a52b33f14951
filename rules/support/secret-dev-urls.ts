// Connection strings with a password to a development host: `postgres://postgres:postgres@localhost:5432/db`,
// `mysql://root:secret@db/app`, `redis://:pw@redis:6379`, `jdbc:h2:mem:app;password=…`,
// `Server=(localdb)\MSSQLLocalDB;…;Password=…`. The provider formats (tier 1) leave them out, since a password to
// localhost leaks nothing by itself; but these defaults ship in images and compose files, get reused on servers, and
// are the first thing anyone tries. So they are reported apart, as a warning.
// Placeholders in the password slot (`user:password@`, `${PASS}`, `$(PASSWORD)`, `{{password}}`, `<pass>`,
// `changeme`) are templates, not credentials; a URL without a password (`postgres://localhost/db`) has nothing to
// report. Unlike tier 1, `secret` counts here: it is a common default development password (`root:secret@db`).
// The formats and how each names its password and host live with tier 1 (data/secret-providers/connections.ts).
import { LOCAL_HOST } from '../data/secret-providers';
import { connectionCredentialsIn, isTemplatedPassword } from '../data/secret-providers/connections';

export interface DevCredentialUrl {
  /** `Database URL`, `MongoDB URL`, `Redis URL`, `AMQP URL`, `JDBC URL`, `Database connection string`… */
  what: string;
  host: string;
  /** The matched connection string up to its password (`scheme://user:password@host`): what the finding redacts and fingerprints. */
  token: string;
  envName: string;
}

export function devCredentialUrlIn(value: string): DevCredentialUrl | undefined {
  for (const { provider, token, password, host } of connectionCredentialsIn(value)) {
    if (isTemplatedPassword(password) || !LOCAL_HOST.test(host)) continue;
    return { what: provider.name.replace(/ with a password$/, ''), host, token, envName: provider.envName };
  }
  return undefined;
}
