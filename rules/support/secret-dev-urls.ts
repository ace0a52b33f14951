// Connection URLs with a password to a development host: `postgres://postgres:postgres@localhost:5432/db`,
// `mysql://root:secret@db/app`, `redis://:pw@redis:6379`. The provider formats (tier 1) leave them out, since a
// password to localhost leaks nothing by itself; but these defaults ship in images and compose files, get reused on
// servers, and are the first thing anyone tries. So they are reported apart, as a warning.
// Placeholders in the password slot (`user:password@`, `${PASS}`, `$(PASSWORD)`, `{{password}}`, `<pass>`,
// `changeme`) are templates, not credentials; a URL without a password (`postgres://localhost/db`) has nothing to
// report. Unlike tier 1, `secret` counts here: it is a common default development password (`root:secret@db`).
import { LOCAL_HOST, SECRET_PROVIDERS, type SecretProvider } from '../data/secret-providers';
import { isPlaceholderValue } from '../data/secret-placeholders';

export interface DevCredentialUrl {
  /** `Database URL`, `MongoDB URL`, `Redis URL`, `AMQP URL`. */
  what: string;
  host: string;
  /** The matched `scheme://user:password@host` part: what the finding redacts and fingerprints. */
  token: string;
  envName: string;
}

const URL_PROVIDER_IDS = ['database-url', 'mongodb-url', 'redis-url', 'amqp-url'];
const URL_PROVIDERS: readonly SecretProvider[] = SECRET_PROVIDERS.filter((provider) => URL_PROVIDER_IDS.includes(provider.id));

export function devCredentialUrlIn(value: string): DevCredentialUrl | undefined {
  if (!value.includes('://') || !value.includes('@')) return undefined;
  for (const provider of URL_PROVIDERS) {
    const match = provider.pattern.exec(value);
    if (!match) continue;
    const password = match[2] ?? '';
    const host = match[3] ?? '';
    if (password === '' || isTemplatePassword(password) || !LOCAL_HOST.test(host)) continue;
    return { what: provider.name.replace(/ with a password$/, ''), host, token: match[0], envName: provider.envName };
  }
  return undefined;
}

function isTemplatePassword(encoded: string): boolean {
  let password = encoded;
  try {
    password = decodeURIComponent(encoded);
  } catch {
    // Not percent-encoded after all: judge it as written.
  }
  return isPlaceholderValue(password) || /^(pass(word)?|pwd|:?\w*password\w*)$/i.test(password) || /^\$\(.*\)$/.test(password);
}
