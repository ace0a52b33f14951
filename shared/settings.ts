// Editor-only settings (`apiguard.*` in VS Code). Rule levels and ignores live in apiguard.json instead, so the
// editor and the CLI agree. Mirrors `contributes.configuration` in package.json; the server reads them in one
// place (server/lsp/settings.ts) and falls back to these defaults for clients without workspace/configuration.
export interface ApiGuardSettings {
  /** Analyse files at all. */
  enable: boolean;
  /** 'onType' analyses on every change; 'onSave' only on open and save. */
  run: 'onType' | 'onSave';
  /** Log each analysis with timings to the output channel. */
  trace: { server: 'off' | 'messages' | 'verbose' };
}

export const DEFAULT_SETTINGS: ApiGuardSettings = {
  enable: true,
  run: 'onType',
  trace: { server: 'off' },
};

export const SETTINGS_SECTION = 'apiguard';
