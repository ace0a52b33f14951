// True and false samples for the tier-1 formats in ../secret-providers/developer.ts, keyed by provider id. Test-only:
// see ./index.ts.
import type { SecretProviderSamples } from './shared';

const GITHUB_TOKEN_BODIES = {
  ghp: 'Hk34VYhy9EsAYi8IasRq' + 'bo32F3GIiev7sLWa',
  gho: 'V12YEnEncKGXNa6f8wSy' + 'Xw7I78F7TvQllw0N',
  ghu: '2YvvrcAbbsemqnZ7VneL' + '9HPONVkBHEcrRqvc',
  ghs: 'JLOUibIzd8uuSHGmMqcE' + 'MwgAH8HXyJXwjnia',
  ghr: 'S516Xxee7VGJKc8IebGe' + 'y40RXduCa9UKgD4g',
};

export const DEVELOPER_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  // One entry per GitHub classic token prefix (the providers are generated the same way).
  ...Object.fromEntries(
    Object.entries(GITHUB_TOKEN_BODIES).map(([prefix, body]) => [
      `github-${prefix}`,
      {
        positive: [`${prefix}_` + body, `token ${prefix}_` + body],
        negative: [`${prefix}_` + body.slice(0, 30), `${prefix}_` + 'x'.repeat(36), `${prefix}_` + body + 'Z'],
      },
    ]),
  ),
  'github-fine-grained-pat': {
    positive: ['github_pat_' + 'uGfh67MDX0oo80UaMeyTs2' + '_' + 'Z2YyOWAFg5sIcz13UsA8TKNmuLTHSF8Yc4WCltcg5AHyyOGMVc8v2I8mQsV'],
    negative: ['github_pat_' + 'uGfh67MDX0oo80UaMeyTs2', 'github_pat_<your-token>'],
  },
  'gitlab-pat': {
    positive: ['glpat-' + 'GjaaUCuS_H38rXfFOBXR'],
    negative: ['glpat-' + 'GjaaUCuS_H38', 'glpat-' + 'xxxxxxxxxxxxxxxxxxxx'],
  },
  'openai-api-key': {
    positive: [
      'sk-proj-' + 'BgMIyWJJbPKdFPaizsmPzwEF079iqXR9aDMvhA70nbgchmb0eKDAEAWW1zGVxjgrjI5UawOS4x10_DwZ0k1TrXSg5N6paQamEwXtA0vVa_OP1GjuC18UjuGz',
      'sk-' + 'qMuRhT24LXHwBgGYGNFf' + 'T3BlbkFJ' + 'ydqqHPxllqf4GRmD3d68',
    ],
    negative: ['sk-proj-' + '...', 'sk-' + 'qMuRhT24LXHwBgGYGNFf', 'sk-ant-api03-' + 'RFpgtWi2AwE7k3nQcWXDavqezlMTOqFdH6U3Mh7L9qrqejbFzsGrYHVL'],
  },
  'anthropic-api-key': {
    positive: ['sk-ant-api03-' + 'RFpgtWi2AwE7k3nQcWXDavqezlMTOqFdH6U3Mh7L9qrqejbFzsGrYHVLzS0Xd9WCOwFDiDFz7HxjxclgFvXvLaCdlIoGP' + 'AA'],
    negative: ['sk-ant-api03-' + 'RFpgtWi2AwE7k3nQ', 'sk-ant-...'],
  },
  'groq-api-key': {
    positive: ['gsk_' + 'NhwUGATUG3WQlg2Kew2LDKakgBJkD7G9dqkGJylstb7zEqrZx5ws'],
    negative: ['gsk_' + 'NhwUGATUG3WQ'],
  },
  'npm-token': {
    positive: ['npm_' + '1PvZdExc6PlGZPoqMhoRrHC6yCzpL9CVLNkS', '//registry.npmjs.org/:_authToken=npm_' + '1PvZdExc6PlGZPoqMhoRrHC6yCzpL9CVLNkS'],
    negative: ['npm_config_registry', 'npm_' + 'package_json_version_field_name_here'],
  },
  'pypi-token': {
    positive: ['pypi-AgEIcHlwaS5vcmc' + '_RFHtuYpWBMstF0mJa3KqY__NVjSlutzbf-NyTA7s7f6ynpGqL68GNZ6gUCAqQwYcKZsZM'],
    negative: ['pypi-AgEIcHlwaS5vcmc', 'pypi-' + 'token-for-upload'],
  },
  'doppler-token': {
    positive: ['dp.pt.' + 'qH5Qyr4XAK95Y413k1qR189krjahBrCAp7PdKor74gk', 'dp.st.' + 'lin5PUGE77jzEe1Ssg9lEaifEM4UtVZvebioiXBnl'],
    negative: ['dp.pt.' + 'qH5Qyr4XAK', 'app.dp.st.config'],
  },
  'postman-api-key': {
    positive: ['PMAK-' + 'fd83c8907eb3232fd77771e8' + '-' + 'e853658f95a7021a5fb3e2239f29a43332'],
    negative: ['PMAK-' + 'fd83c8907eb3232fd77771e8', 'PMAK-<key>'],
  },
  'vault-token': {
    positive: ['hvs.' + 'SX3VbM09QVASoiPxM0usNvbQ7ji6m0PPSNOCA2ex93ygzvdG64Ed61geTEaBxu2cdUOwtuv3a0v_rGG9RzHECsUlTWI'],
    negative: ['hvs.' + 'SX3VbM09QVASoiPx', 'this.hvs.value'],
  },
  'terraform-cloud-token': {
    positive: ['m2qonfibjv3cdq' + '.atlasv1.' + 'uf1yz7vox73q9mdvy9bcfexsgmno0kpy2zzgg62qitxa9utbba632vfcusnu4xyyvs4'],
    negative: ['m2qonfibjv3cdq' + '.atlasv1.' + 'short'],
  },
  'huggingface-token': {
    positive: ['hf_' + 'wRLZctXsOsdcLzXSxGbIRbNgzKqJxXfCbV'],
    negative: ['hf_' + 'wRLZctXsOsdc', 'hf_' + 'transformersmodelcachedirectorypath'],
  },
  'databricks-token': {
    positive: ['dapi' + '70ba5c2aea1ef32401715ae774e937b1'],
    negative: ['dapi' + '70ba5c2a', 'rapidapi' + '70ba5c2aea1ef32401715ae774e937b1'],
  },
  'grafana-token': {
    positive: ['glsa_' + 's9UTPi5Y99fguDyKUZ4Lm8QyhDzcNjht' + '_8ae6cde6'],
    negative: ['glsa_' + 's9UTPi5Y99fguDyK'],
  },
  'age-secret-key': {
    positive: ['AGE-SECRET-KEY-1' + 'LNJLUFHCXE648AK6YTC3TUVS5AZF8GM2VQWKUJEX69GGRV8GES8QZUQF5D'],
    negative: ['AGE-SECRET-KEY-1' + 'LNJLUFHCXE'],
  },
  'supabase-access-token': {
    positive: ['sbp_' + '1f41d32238f31c72efd752934db831dbea19f7c9'],
    negative: ['sbp_' + '1f41d322'],
  },
};
