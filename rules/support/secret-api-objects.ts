// Keys under generic names next to an API URL in the same object literal:
// `{ url: 'https://api.weather.example', key: 'a3f9…' }`. Alone, `key` is a lookup key and a 32-hex value an id or a
// digest; together with an API address in the same object they are a client configuration and its credential.
// The value must look machine-made (32+ hex digits, or a random-looking token by looksHighEntropy); a word
// (`key: 'users'`) or an id / sha / hash beside the URL is not reported (their names are not key names).
import * as ts from 'typescript';
import { propertyNameText, screamingSnakeCase, type ValueDestination } from './ast';
import { looksHighEntropy } from './secret-text';
import { API_URL_NAMES, GENERIC_KEY_NAMES } from '../data/secret-shapes';

export interface KeyBesideApiUrl {
  /** The key's property name. */
  name: string;
  /** The URL's property name. */
  urlName: string;
  /** `WEATHER_API_KEY` from the URL's host and the key's name. */
  envName: string;
}

/** `destination` is the literal's (valueDestination). */
export function keyBesideApiUrlAt(destination: ValueDestination, value: string): KeyBesideApiUrl | undefined {
  if (destination.kind !== 'property' || !GENERIC_KEY_NAMES.has(destination.name) || !looksMachineMade(value)) return undefined;
  const object = destination.holder.parent;
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || property === destination.holder) continue;
    const name = propertyNameText(property.name);
    if (name === undefined || !API_URL_NAMES.has(name) || !ts.isStringLiteralLike(property.initializer)) continue;
    const host = /^https?:\/\/([^/:?#@\s]+)/i.exec(property.initializer.text)?.[1];
    if (host === undefined || !host.includes('.') || /^(localhost|127\.|0\.0\.0\.0)/.test(host)) continue;
    return { name: destination.name, urlName: name, envName: envNameFor(host, destination.name) };
  }
  return undefined;
}

/** 32+ hex digits with letters and digits, or a random-looking token. */
function looksMachineMade(value: string): boolean {
  if (/^[0-9a-f]{32,}$/i.test(value)) return /[0-9]/.test(value) && /[a-f]/i.test(value) && new Set(value.toLowerCase()).size >= 10;
  return looksHighEntropy(value);
}

/** `api.openweathermap.org` + `key` → `OPENWEATHERMAP_API_KEY`; `token` → `…_TOKEN`. */
function envNameFor(host: string, keyName: string): string {
  const labels = host.toLowerCase().split('.').filter((label) => !/^(www|api|apis|rest|v\d+)$/.test(label));
  const service = labels.length >= 2 ? labels[labels.length - 2]! : labels[0] ?? 'API';
  const own = screamingSnakeCase(keyName);
  const suffix = own === 'KEY' || own === 'K' ? 'API_KEY' : own;
  return `${screamingSnakeCase(service.replace(/[^a-z0-9]+/g, '_'))}_${suffix}`;
}
