// The one place the server reads editor settings (`apiguard.*`). Clients differ: VS Code answers
// workspace/configuration; Neovim drops items without a `section` and may not declare the capability; Eglot
// sends settings through didChangeConfiguration. So: ask with a section when we may, accept pushed settings,
// and fall back to the defaults field by field for anything missing or malformed.
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type ApiGuardSettings } from '../../shared/settings';

/** Merges whatever a client sent over the defaults, ignoring values of the wrong type. */
export function normalizeSettings(raw: unknown): ApiGuardSettings {
  const value = isObject(raw) ? raw : {};
  const trace = isObject(value.trace) ? value.trace : {};
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onType' || value.run === 'onSave' ? value.run : DEFAULT_SETTINGS.run,
    trace: {
      server: trace.server === 'off' || trace.server === 'messages' || trace.server === 'verbose' ? trace.server : DEFAULT_SETTINGS.trace.server,
    },
  };
}

/** Settings pushed in didChangeConfiguration or initializationOptions: `{ apiguard: {…} }` or the section itself. */
export function settingsFromPayload(payload: unknown): ApiGuardSettings | undefined {
  if (!isObject(payload)) return undefined;
  if (isObject(payload[SETTINGS_SECTION])) return normalizeSettings(payload[SETTINGS_SECTION]);
  if ('enable' in payload || 'run' in payload || 'trace' in payload) return normalizeSettings(payload);
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
