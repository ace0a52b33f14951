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
/** GitHub's newer, longer server-to-server token form. */
const GITHUB_LONG_SERVER_TOKEN = 'ghs_' + 'dp47CI3dY3meYxtHZ1JTY2AwsAysw2vTSRrH4wJM' + '_' + 'k3NYQFBUviVw7fpNCLECRUunurH2ZpAClT0ishD9fECGCUxC0DBmDQB8ikrb';
const ANTHROPIC_BODY = 'ZlxtxQwROUJS4XEhLfWigwUOISKM73ekMXIWUV1Td' + 'eDK0z7LO9SilM9CXUkNGZPXnnweNcpnaSPQOoRVolbb2DPoofhQD';
const ANTHROPIC_ADMIN_BODY = '40U_JbM_l2l2nTvFza0gTzCoW1IckwwEPKOD9n6DC' + 'huYNK2ZqpEyhYcvoshTpoMsjEWIwxZt8qnGioTOxa6JkFAxAIWf8';
const ONEPASSWORD_SERVICE_TOKEN =
  'ops_' +
  'eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6Ly9hY21lLWRldi4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2' +
  'IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoibUpPcWdzQjVYYXM2RTBERHdPMjJFeSJ9LCJlbWFpbCI6Inhqb2xqdnN1Ym14ckAxcGFzc3dvcmRzZXJ2aWNlYWNjb3VudHMubGNs' +
  'Iiwic3JwWCI6IjY5MzE2MzY2NDJmMDc3YzJiMDZhNWFhZGJjNzM3MmEzY2E3YzQ4OWVmYTg1ZTcyZDBmZmFhOTVlMmI1YTExOWUiLCJtdWsiOnsiYWxnIjoiQTI1NkdDTSIsImV4dCI6' +
  'dHJ1ZSwiayI6IlhEOHFMWjNDbjFNMEU1Y1lUSXh6c3RHTDMzeVUzcHFXRmg5M25BMzRhSTAifX0';
const PLANETSCALE_BODY = 'IyaVr3HRWKOGt2jsMSWII' + 'd0JF99oAXR6J0uYJLQKcsB';
const DOCKER_AUTH = 'Y2ktYm90OmlQR3Bo' + 'Y3NzOWdaR2xFTVdjc3pV'; // base64 of a `ci-bot:` user and a random password
/** Google registries take a JSON key file as the password of the user `_json_key`. */
const DOCKER_AUTH_JSON_KEY = Buffer.from('_json_key:{\n  "type": "service_account",\n  "project_id": "acme-ci-pull",\n  "private_key_id": "5be0c3f1a9d24e7b"\n}').toString('base64');

export const DEVELOPER_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  // One entry per GitHub classic token prefix (the providers are generated the same way).
  ...Object.fromEntries(
    Object.entries(GITHUB_TOKEN_BODIES).map(([prefix, body]) => [
      `github-${prefix}`,
      {
        positive: [`${prefix}_` + body, `token ${prefix}_` + body, ...(prefix === 'ghs' ? [GITHUB_LONG_SERVER_TOKEN] : [])],
        negative: [
          `${prefix}_` + body.slice(0, 30),
          `${prefix}_` + 'x'.repeat(36),
          `${prefix}_` + body + 'Z',
          // 80+ word characters, but an identifier: the long form must look random.
          `${prefix}_` + 'handle_installation_repositories_added_event_for_the_organisation_webhook_payload',
        ],
      },
    ]),
  ),
  'github-fine-grained-pat': {
    positive: [
      'github_pat_' + 'uGfh67MDX0oo80UaMeyTs2' + '_' + 'Z2YyOWAFg5sIcz13UsA8TKNmuLTHSF8Yc4WCltcg5AHyyOGMVc8v2I8mQsV',
      'github_pat_' + 'oFCbeltDs0U6kmuDny5zuv' + '_' + 'moPlE1JsiaMh8PMSFWRurehqL9tundLGDQBmlx1xjSxLCl8Du7ZmTyY8awI',
    ],
    negative: [
      'github_pat_' + 'uGfh67MDX0oo80UaMeyTs2',
      'github_pat_<your-token>',
      'github_pat_' + 'oFCbeltDs0U6kmuDny5zuv' + '_' + 'moPlE1JsiaMh8PMSFWRurehqL9tundLGDQBmlx1xjSxLCl8Du7ZmTyY8awIq',
    ],
  },
  'gitlab-pat': {
    positive: ['glpat-' + 'GjaaUCuS_H38rXfFOBXR', 'glpat-' + 'EwI4IPEVSYDcfFzJedQlPx4KUaP' + '.01.' + '1ldoswu0q'],
    negative: ['glpat-' + 'GjaaUCuS_H38', 'glpat-' + 'xxxxxxxxxxxxxxxxxxxx', 'glpat-' + '<your personal token>'],
  },
  'gitlab-gldt': {
    positive: ['gldt-' + '97JaCT__2WzLH1KCKe5H', 'git clone https://gitlab+deploy-token-7:gldt-' + '97JaCT__2WzLH1KCKe5H@gitlab.com/acme/app.git'],
    negative: ['gldt-' + '97JaCT__2Wz', 'gldt-' + 'XXXXXXXXXXXXXXXXXXXX', 'gldt-' + 'button-primary-outline-hover'],
  },
  'gitlab-glrt': {
    positive: ['glrt-' + 'EwI4IPEVSYDcfFzJ7c1l', 'glrt-' + 't1_EwI4IPEVSYDcfFzJedQlPx4KUaP' + '.7c1ldoswu0'],
    negative: ['glrt-' + 'EwI4IPEVS', 'glrt-' + 'tx_xxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxx'],
  },
  'gitlab-glcbt': {
    positive: ['glcbt-' + 'RJtJ7_cYePkjDu8JqWNDWs6yCY', 'glcbt-' + 'Km3Pq_' + 'xR7tLw2ZcV9bN4yHsDq3W'],
    negative: ['glcbt-' + 'RJtJ7_cYePkjDu', 'glcbt-' + '64_' + 'CI_JOB_TOKEN'],
  },
  'gitlab-glptt': {
    positive: ['glptt-' + '7c4eeb7ed789c2fcd157' + 'af9471ea1ea67ddf9473', 'glptt-' + '3749fdd76ae1ae1749fa' + '751dcf2c987de7bee4c7'],
    negative: ['glptt-' + '7c4eeb7ed789c2fcd157', 'glptt-' + 'Zc4eeb7ed789c2fcd157' + 'af9471ea1ea67ddf947G'],
  },
  'gitlab-glft': {
    positive: ['glft-' + 'iCQ2lPv9K_xG4ZmRaWt7', 'glft-' + '7tWaRmZ4Gx_K9vPl2QCi'],
    negative: ['glft-' + 'iCQ2lPv9', 'glft-' + '12345678901234567890'],
  },
  'gitlab-glimt': {
    positive: ['glimt-' + 'brQ2lPv9K_xG4ZmRaWt7nYe3d', 'glimt-' + 'd3eYn7tWaRmZ4Gx_K9vPl2Qrb'],
    negative: ['glimt-' + 'brQ2lPv9K_xG4ZmRaWt7', 'glimt-' + 'xxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
  'gitlab-glagent': {
    positive: ['glagent-' + '9TMyeLFgPIo0ORYiwyokXkC2v' + 'mg5vrGDcUN2hvbz47sR1kmWG1', 'glagent-' + '1GWmk1Rs74zbvh2NUcDGrv5gm' + 'v2CkXkoywiYRO0oIPgFLeyMT9'],
    negative: ['glagent-' + '9TMyeLFgPIo0ORYiwyokXkC2v', 'glagent-' + 'token'],
  },
  'gitlab-gloas': {
    positive: ['gloas-' + 'dcd8efd80e423fd0ac7dcad756f447fe' + 'fd5c2abd0ca04d349eed23f09fcb61d7', 'gloas-' + '7d16bcf90f32dee943d40ac0dba2c5df' + 'ef744f657dacd7ca0df324e08dfe8dcd'],
    negative: ['gloas-' + 'dcd8efd80e423fd0ac7dcad756f447fe', 'gloas-' + '<application secret>'],
  },
  'gitlab-glsoat': {
    positive: ['glsoat-' + 'Tq0g8LrVx2_hKe5NcBm7', 'glsoat-' + '7mBcN5eKh_2xVrL8g0qT'],
    negative: ['glsoat-' + 'Tq0g8LrVx2', 'glsoat-' + 'xxxxxxxxxxxxxxxxxxxx'],
  },
  'gitlab-glffct': {
    positive: ['glffct-' + 'Wm3pZ8cKq_Yt5Rb2Ln9v', 'glffct-' + 'v9nL2bR5tY_qKc8Zp3mW'],
    negative: ['glffct-' + 'Wm3pZ8cKq', 'glffct-' + '00000000000000000000'],
  },
  'gitlab-runner-registration-token': {
    positive: ['GR1348941' + 'i8nutIX8nQ5KcRCposhj', 'REGISTRATION_TOKEN=GR1348941' + 'i8nutIX8nQ5KcRCposhj'],
    // Digits only (a number, not a token), and too short.
    negative: ['GR1348941' + '12312312312312312312', 'GR1348941' + 'i8nutIX8nQ'],
  },
  'gitlab-session-cookie': {
    positive: ['_gitlab_session=' + 'wdr68ed68yhmkghgoh50foc7nt8rl3ig', 'Cookie: _gitlab_session=' + 'wdr68ed68yhmkghgoh50foc7nt8rl3ig; path=/'],
    negative: ['_gitlab_session=' + 'wdr68ed68yhmkghg', '_gitlab_session=' + '${SESSION}'],
  },
  'npm-token': {
    positive: ['npm_' + '1PvZdExc6PlGZPoqMhoRrHC6yCzpL9CVLNkS', '//registry.npmjs.org/:_authToken=npm_' + '1PvZdExc6PlGZPoqMhoRrHC6yCzpL9CVLNkS'],
    negative: ['npm_config_registry', 'npm_' + 'package_json_version_field_name_here'],
  },
  'npmrc-auth-token': {
    positive: ['//registry.npmjs.org/:_authToken=' + '3ec6fcaa-2d8e' + '-af3b-7dcc-6b7cf2f19b4b', '@acme:registry=https://npm.acme.dev/\n//npm.acme.dev/:_authToken=' + 'cHJpdmF0ZS1yZWdpc3RyeS10b2tlbi03Mg=='],
    negative: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', '//registry.npmjs.org/:_authToken=' + 'your-npm-token-goes-here'],
  },
  'npm-legacy-token': {
    positive: [
      { value: '3ec6fcaa-2' + 'd8e-af3b-7dcc-6b7cf2f19b4b', sinkName: 'npmToken' },
      { value: '3ec6fcaa-2' + 'd8e-af3b-7dcc-6b7cf2f19b4b', textBefore: "publish({ registry: 'npm', token: " },
    ],
    // A UUID is an id unless the code says npm: without the hint, or with the hint far away, nothing.
    negative: ['3ec6fcaa-2d8e' + '-af3b-7dcc-6b7cf2f19b4b', { value: '3ec6fcaa-2' + 'd8e-af3b-7dcc-6b7cf2f19b4b', sinkName: 'requestId', textBefore: 'npm test\n\n\n' }],
  },
  'pypi-token': {
    positive: ['pypi-AgEIcHlwaS5vcmc' + '_RFHtuYpWBMstF0mJa3KqY__NVjSlutzbf-NyTA7s7f6ynpGqL68GNZ6gUCAqQwYcKZsZM'],
    negative: ['pypi-AgEIcHlwaS5vcmc', 'pypi-' + 'token-for-upload'],
  },
  'docker-hub-token': {
    positive: ['dckr_pat_' + '19STDWOzyRt5pVttYH3aUVkcKJb', 'docker login -u acme -p dckr_oat_' + 'NM-fTvsFQc2-IlNBK0m6r1KjcFKtqVHa'],
    negative: ['dckr_pat_' + '19STDWOzyRt5pVtt', 'dckr_pat_' + '<personal-access-token>'],
  },
  'docker-config-auth': {
    positive: [
      '{"auths":{"https://index.docker.io/v1/":{"auth":"' + DOCKER_AUTH + '"}}}',
      '{\n  "auths": {\n    "registry.acme.dev:5000": {\n      "auth": "' + DOCKER_AUTH + '"\n    }\n  }\n}',
      '{"auths":{"https://gcr.io":{"auth":"' + DOCKER_AUTH_JSON_KEY + '"}}}',
      // JSON inside a string (a CI variable in a TOML or YAML file): the quotes come escaped.
      'environment = ["DOCKER_AUTH_CONFIG={\\"auths\\":{\\"registry.acme.dev\\":{\\"auth\\":\\"' + DOCKER_AUTH + '\\"}}}"]',
    ],
    // Base64 that is not `user:password`, and a credential helper instead of a stored secret.
    negative: ['{"auths":{"ghcr.io":{"auth":"' + 'c2VjcmV0LXdpdGhvdXQtY29sb24=' + '"}}}', '{"auths":{"ghcr.io":{}},"credsStore":"desktop"}'],
  },
  'openai-api-key': {
    positive: [
      'sk-proj-' + 'BgMIyWJJbPKdFPaizsmPzwEF079iqXR9aDMvhA70nbgchmb0eKDAEAWW1zGVxjgrjI5UawOS4x10_DwZ0k1TrXSg5N6paQamEwXtA0vVa_OP1GjuC18UjuGz',
      'sk-' + 'qMuRhT24LXHwBgGYGNFf' + 'T3BlbkFJ' + 'ydqqHPxllqf4GRmD3d68',
      'sk-svcacct-' + 'KsicxRr-RCeFZFrhQi2uUMAxifylarxUeBTWv2ta' + 'T3BlbkFJ' + 'ION7vJIh3jYQlM83IOeFuKSyvddf5cv8ZTGooYMjEGaqzZv1kyWAW9NRemYU',
      // Service-account keys named after the account carry the same marker.
      'sk-ci-deploy-bot-' + 'KsicxRr-RCeFZFrhQi2u' + 'T3BlbkFJ' + 'ION7vJIh3jYQlM83IOeF',
    ],
    negative: [
      'sk-proj-' + '...',
      'sk-' + 'qMuRhT24LXHwBgGYGNFf',
      'sk-ant-api03-' + 'RFpgtWi2AwE7k3nQcWXDavqezlMTOqFdH6U3Mh7L9qrqejbFzsGrYHVL',
      'sk-proj-' + 'replace-with-the-key-of-your-own-project-here',
    ],
  },
  'anthropic-api-key': {
    positive: ['sk-ant-api03-' + ANTHROPIC_BODY + 'AA', 'x-api-key: sk-ant-api03-' + ANTHROPIC_BODY + 'AA'],
    // Too short, and the wrong tail.
    negative: ['sk-ant-api03-' + ANTHROPIC_BODY.slice(0, 60) + 'AA', 'sk-ant-api03-' + ANTHROPIC_BODY + 'BB', 'sk-ant-...'],
  },
  'anthropic-admin-api-key': {
    positive: ['sk-ant-admin01-' + ANTHROPIC_ADMIN_BODY + 'AA', 'sk-ant-admin01-' + [...ANTHROPIC_ADMIN_BODY].reverse().join('') + 'AA'],
    negative: ['sk-ant-admin01-' + ANTHROPIC_ADMIN_BODY.slice(0, 70) + 'AA', 'sk-ant-admin01-' + ANTHROPIC_ADMIN_BODY + 'BB'],
  },
  'groq-api-key': {
    positive: ['gsk_' + 'NhwUGATUG3WQlg2Kew2LDKakgBJkD7G9dqkGJylstb7zEqrZx5ws'],
    negative: ['gsk_' + 'NhwUGATUG3WQ'],
  },
  'huggingface-token': {
    positive: ['hf_' + 'wRLZctXsOsdcLzXSxGbIRbNgzKqJxXfCbV', 'huggingface-cli login --token hf_' + 'HIhubWrstZuEroaxttGfWuwvfawlJzQjHe'],
    negative: [
      'hf_' + 'wRLZctXsOsdc',
      'hf_' + 'transformersmodelcachedirectorypath',
      // camelCase identifiers of the right length: too few capitals for a random key.
      'hf_' + 'requiredCharacteristicTypesForDisp',
    ],
  },
  'huggingface-org-token': {
    positive: ['api_org_' + 'OLuBcVRalNMRaVbuiCJkxrMYUYFlQYZwDE', "use_auth_token='api_org_" + "OLuBcVRalNMRaVbuiCJkxrMYUYFlQYZwDE'"],
    negative: ['api_org_' + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'def _api_org_' + '96726c78_4ae3_402f_b08b_7a78c6903d2a(self):', 'api_org_' + 'inclusionWithHrefAndExpectedResult'],
  },
  'onepassword-service-account-token': {
    positive: [ONEPASSWORD_SERVICE_TOKEN, 'export OP_SERVICE_ACCOUNT_TOKEN=' + ONEPASSWORD_SERVICE_TOKEN],
    // Cut short in documentation, and a placeholder.
    negative: ['export OP_SERVICE_ACCOUNT_TOKEN=' + ONEPASSWORD_SERVICE_TOKEN.slice(0, 40) + '...', 'ops_eyJ' + 'x'.repeat(300)],
  },
  'onepassword-secret-key': {
    positive: ['A3-' + '7TRE9I-16F722SSDD9-KQT50-PAS2B-FLD18', 'A3-' + '7TRE9I-16F722-SSDD9-KQT50-PAS2B-FLD18'],
    negative: ['A3-' + 'XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX', 'A3-' + '7TRE9I-16F722SSDD9-KQT50-PAS2B', 'A3-' + 'ABCDEF-GHIJKLMNOPQ-RSTUV-WXYZA-BCDEF'],
  },
  'doppler-token': {
    positive: ['dp.pt.' + 'qH5Qyr4XAK95Y413k1qR189krjahBrCAp7PdKor74gk', 'dp.st.' + 'lin5PUGE77jzEe1Ssg9lEaifEM4UtVZvebioiXBnl'],
    negative: ['dp.pt.' + 'qH5Qyr4XAK', 'app.dp.st.config'],
  },
  'vault-token': {
    positive: ['hvs.' + 'SX3VbM09QVASoiPxM0usNvbQ7ji6m0PPSNOCA2ex93ygzvdG64Ed61geTEaBxu2cdUOwtuv3a0v_rGG9RzHECsUlTWI'],
    negative: ['hvs.' + 'SX3VbM09QVASoiPx', 'this.hvs.value'],
  },
  'vault-legacy-token': {
    positive: [{ value: 's.' + 'JNAKODlaxxp0IGycAYZ4WCBE', sinkName: 'vaultToken' }, { value: 's.' + 'JNAKODlaxxp0IGycAYZ4WCBE', textBefore: 'new Vault({ endpoint, token: ' }],
    // Without a hint; and words, not a random key.
    negative: ['s.' + 'JNAKODlaxxp0IGycAYZ4WCBE', { value: 's.' + 'AcceptanceTimeoutSeconds', sinkName: 'vaultToken' }],
  },
  'age-secret-key': {
    positive: ['AGE-SECRET-KEY-1' + 'LNJLUFHCXE648AK6YTC3TUVS5AZF8GM2VQWKUJEX69GGRV8GES8QZUQF5D'],
    negative: ['AGE-SECRET-KEY-1' + 'LNJLUFHCXE'],
  },
  'postman-api-key': {
    positive: ['PMAK-' + 'fd83c8907eb3232fd77771e8' + '-' + 'e853658f95a7021a5fb3e2239f29a43332', 'PMAK-' + 'q7Vd2LcR9sXo4mTb8NwZ1eKj6YhAp3Gu' + '0fQiW5xCnE7tBvS2rMl9OaHdU4k'],
    negative: ['PMAK-' + 'fd83c8907eb3232fd77771e8', 'PMAK-<key>', 'PMAK-' + 'fd83c8907eb3232fd77771e8' + '-' + 'e853658f95a7021a5fb3e2239f29a43332' + '9'],
  },
  'terraform-cloud-token': {
    positive: ['m2qonfibjv3cdq' + '.atlasv1.' + 'uf1yz7vox73q9mdvy9bcfexsgmno0kpy2zzgg62qitxa9utbba632vfcusnu4xyyvs4'],
    negative: ['m2qonfibjv3cdq' + '.atlasv1.' + 'short'],
  },
  'databricks-token': {
    positive: ['dapi' + '70ba5c2aea1ef32401715ae774e937b1', 'dapi' + '70ba5c2aea1ef32401715ae774e937b1' + '-2'],
    negative: ['dapi' + '70ba5c2a', 'rapidapi' + '70ba5c2aea1ef32401715ae774e937b1'],
  },
  'grafana-token': {
    positive: ['glsa_' + 's9UTPi5Y99fguDyKUZ4Lm8QyhDzcNjht' + '_8ae6cde6', 'Bearer glsa_' + 'xBH1iYW035mrmkLhoozLd77GcuiRvtLe' + '_24337191'],
    negative: ['glsa_' + 's9UTPi5Y99fguDyK', 'glsa_' + 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA'],
  },
  'grafana-cloud-token': {
    positive: [
      'glc_' + 'eyJvIjoiNTY2NjczIiwibiI6InN0YWNrLTI3MjYxNi1obS1yZWFkLWRhc2giLCJrIjoiSGMydVF4eFc0NkJUVlhy' + 'NE9lcEZ4ZkczIiwibSI6eyJyIjoicHJvZC1ldS13ZXN0LTIifX0=',
      'glc_' + 'q2Rw8ZtLm4KxV7nBc0YhJf3Ps6DgEa9U',
    ],
    // Identifiers that share the prefix (OpenGL code), and letters only.
    negative: ['GLC_CreateLightmapTextureArray(void)', 'glc_' + 'createLightmapTexturesIndividually', 'glc_' + '111111111111111111111111111111111111111111='],
  },
  'grafana-api-key': {
    positive: ['eyJrIjoi' + 'NzBQUFZZZFRjZ0tXWEd0SDdEWDlnOHZSY3ZjOTkzbmQiLCJuIjoiZGVwbG95LWJvdCIsImlkIjoxfQ==', 'eyJrIjoi' + 'cThXdlQybkx4NVJrOVpwSjNtWWM3SGJGNHNEZzZOYUUiLCJuIjoiY2ktZGVwbG95IiwiaWQiOjd9'],
    negative: ['eyJrIjoi' + 'NzBQUFZZZFRjZ0tX', 'eyJrIjoi' + 'NzBQUFZZZFRjZ0tXWEd0SDdEWDlnOHZSY3ZjOTkzbmQiLCJuIjoiZGVwbG95LWJvdCIsImlkIjoxfQ' + '.c2lnbmF0dXJl'],
  },
  'planetscale-password': {
    positive: ['pscale_pw_' + PLANETSCALE_BODY, 'mysql://k3v9wq2m8z1t:pscale_pw_' + PLANETSCALE_BODY + '@aws.connect.psdb.cloud/shop?ssl={}'],
    negative: ['pscale_pw_' + PLANETSCALE_BODY.slice(0, 20), 'pscale_pw_' + '<password>'],
  },
  'planetscale-service-token': {
    positive: ['pscale_tkn_' + '0SNrIfRZ7VH6qhJnev8Jg' + 'ypVYbKST6GfDYcSNTfDXGD', 'pscale_tkn_' + 'x8-k2m=Qa9.vr4_tn7Lp1' + 'wZc3=Hb7Ue2-Kd'],
    negative: ['pscale_tkn_' + '0SNrIfRZ7VH6', 'pscale_tkn_' + 'x'.repeat(43)],
  },
  'planetscale-oauth-token': {
    positive: ['pscale_oauth_' + 'cxKosAcuYAHipc9PKJLNl' + 'zQfhY7DO3dy7HGqxMbzRv7', 'pscale_oauth_' + '7vRzbMxqGH7yd3OD7YhfQz' + 'lNLJKP9cpiHAYucAsoKxc'],
    negative: ['pscale_oauth_' + 'cxKosAcuYAHipc9P', 'pscale_oauth_token_for_the_cli'],
  },
  'figma-token': {
    positive: ['figd_' + '6hDYPv6JnYHHx_tQG9VauxZAlozuzAZChs8wgwok', 'X-Figma-Token: figd_' + '6hDYPv6JnYHHx_tQG9VauxZAlozuzAZChs8wgwok'],
    negative: ['figd_' + '6hDYPv6JnYHHx_tQ', 'figd_' + 'your_personal_access_token_goes_here_now'],
  },
  'supabase-access-token': {
    positive: ['sbp_' + '1f41d32238f31c72efd752934db831dbea19f7c9', 'supabase login --token sbp_' + 'k7r2m9xq4v8t1wz6n3p0' + 'c5j8h2d7s4f9g1b6y3ea'],
    negative: ['sbp_' + '1f41d322', 'sbp_' + 'supabaseprojectaccesstokenplaceholderxx', 'sbp_' + '1f41d32238f31c72efd752934db831dbea19f7C9'],
  },
  // Prefix-only formats of smaller developer platforms.
  'sourcegraph-token': {
    positive: ['sgp_' + '6613aC2Df4f76beB8f38' + '86891a6CCfD20cC1EcA9', 'sgp_local_' + '54Bd4ec0fFdAC57c8ed9' + '875F37BB1FBAaBfd17bB', 'sgp_' + 'd7cbda78ef32ab00' + '_' + '8a85cf92341408c489b3' + '198766533d9bec3d8cfc'],
    negative: ['sgp_' + '6613aC2Df4f76beB8f38', 'sgp_local_' + '1b4eb015bc4941921caG' + 'f4b0eccc18787ac2f075', 'sgp_' + '<your access token>'],
  },
  'atlassian-api-token': {
    positive: ['ATATT3' + 'zdA8olJdLCQSg-ZqOLOfhz7WNujdMHyS408xJJ-FuDkzPyGof5FyxLhRYy6teTvO45Aec5BIU9ZMH4nwcUsx40YVJMZb0' + 'n9YUgxH-TOi7tn0DmqreUmpLyjjqwAWS3vlMMb6g1_pxS1Bl5rRQhAKPi5N7JsEdoJUth_ELD-imx5eLtdu5LBm-m1UAF', 'JIRA_API_TOKEN=ATATT3' + 'zdA8olJdLCQSg-ZqOLOfhz7WNujdMHyS408xJJ-FuDkzPyGof5FyxLhRYy6teTvO45Aec5BIU9ZMH4nwcUsx40YVJMZb0' + 'n9YUgxH-TOi7tn0DmqreUmpLyjjqwAWS3vlMMb6g1_pxS1Bl5rRQhAKPi5N7JsEdoJUth_ELD-imx5eLtdu5LBm-m1UAF'],
    negative: ['ATATT3' + 'zdA8olJdLCQSg-ZqOLOfhz7WNujdMHyS408xJJ-FuDkzPyGof5FyxLhRYy6t', 'ATATT3' + 'x'.repeat(186)],
  },
  'pulumi-access-token': {
    positive: ['pul-' + 'a1e5b6460d41b6c6a82e' + '9b491ad93bde6fa01bb3', 'PULUMI_ACCESS_TOKEN=pul-' + 'a1e5b6460d41b6c6a82e' + '9b491ad93bde6fa01bb3'],
    negative: ['pul-' + 'a1e5b6460d41b6c6a82e', 'pul-' + 'request-template-for-the-pull-request-body'],
  },
  'rubygems-api-key': {
    positive: ['rubygems_' + 'd568f7220cfee5395406d9a1' + 'dfc2ac4fa0d58c85fbe97789', 'GEM_HOST_API_KEY: rubygems_' + 'd568f7220cfee5395406d9a1' + 'dfc2ac4fa0d58c85fbe97789'],
    negative: ['rubygems_' + 'd568f7220cfee5395406d9a1dfc2ac', 'rubygems_' + '0'.repeat(48)],
  },
  'clojars-token': {
    positive: ['CLOJARS_' + '5i1zrwktljcshexn8i768wyy7kvyk2' + '8ko7fgpr2kd20oyin1gekq2d6zprhq', 'export CLOJARS_PASSWORD=CLOJARS_' + '5i1zrwktljcshexn8i768wyy7kvyk2' + '8ko7fgpr2kd20oyin1gekq2d6zprhq'],
    negative: ['CLOJARS_' + '5i1zrwktljcshexn8i768wyy7kvyk2', 'CLOJARS_' + 'USERNAME'],
  },
  'flyio-token': {
    positive: ['fo1_' + 'bS4b_99Bf1TxaxDw78D0B' + 'UIWd6RblMKCeun9-oMUXUj', 'api_key = "fo1_' + 'bS4b_99Bf1TxaxDw78D0B' + 'UIWd6RblMKCeun9-oMUXUj' + '"'],
    negative: ['fo1_' + 'bS4b_99Bf1TxaxDw78D0', 'fo1_' + 'x'.repeat(43)],
  },
  'flyio-macaroon': {
    positive: ['fm2_' + 'ktklBts+aGdQscq9N7BESsCGuaXwU1xeSLMw8M+Y1l4vLlJJY6nr6HbVuIVEnUEx' + 'kIGT3vbJi/YQoy5P3uCBMYJp5jUoR3zDm6hgw63QqIxSD3w7EW2ht9OULzl3W4+h', 'FlyV1 fm2_' + 'ktklBts+aGdQscq9N7BESsCGuaXwU1xeSLMw8M+Y1l4vLlJJY6nr6HbVuIVEnUEx' + 'kIGT3vbJi/YQoy5P3uCBMYJp5jUoR3zDm6hgw63QqIxSD3w7EW2ht9OULzl3W4+h'],
    negative: ['fm2_' + 'ktklBts+aGdQscq9N7BESsCGuaXwU1xeSLMw8M+Y1l4vLlJJY6nr6HbVuIVE', 'Fm2_' + 'ktklBts+aGdQscq9N7BESsCGuaXwU1xeSLMw8M+Y1l4vLlJJY6nr6HbVuIVEnUEx' + 'kIGT3vbJi/YQoy5P3uCBMYJp5jUoR3zDm6hgw63QqIxSD3w7EW2ht9OULzl3W4+h'],
  },
  'flyio-legacy-macaroon': {
    positive: ['fm1r_' + 'oZC4GhsHe8xgMHR+vkXRVMdHeXoowK4xVCeMgwx1PFlYX0l9KdWFbPK/le/J' + 'lj2yXUCDFFm6EyFNV5EhNzQ8wfGO0mUDaesu7Y7JuWIi13C0N8f3q9eKs5mr', 'FlyV1 fm1a_' + 'oZC4GhsHe8xgMHR+vkXRVMdHeXoowK4xVCeMgwx1PFlYX0l9KdWFbPK/le/J' + 'lj2yXUCDFFm6EyFNV5EhNzQ8wfGO0mUDaesu7Y7JuWIi13C0N8f3q9eKs5mr'],
    negative: ['fm1r_' + 'oZC4GhsHe8xgMHR+vkXRVMdHeXoowK4xVCeMgwx1PFlYX0l9Kd', 'fm1x_' + 'oZC4GhsHe8xgMHR+vkXRVMdHeXoowK4xVCeMgwx1PFlYX0l9KdWFbPK/le/J' + 'lj2yXUCDFFm6EyFNV5EhNzQ8wfGO0mUDaesu7Y7JuWIi13C0N8f3q9eKs5mr'],
  },
  'harness-pat': {
    positive: ['pat.' + 'isFsrJnHoV_H69R8OFl7fm.o3WcKDLOoHD' + 'jeK3RR0yFBtz4.l1xnC4kGLcfEkqdhk5ix', 'x-api-key: pat.' + 'isFsrJnHoV_H69R8OFl7fm.o3WcKDLOoHD' + 'jeK3RR0yFBtz4.l1xnC4kGLcfEkqdhk5ix'],
    negative: ['pat.' + 'isFsrJnHoV_H69R8OFl7fm.o3WcKDL', 'compat.' + 'isFsrJnHoV_H69R8OFl7'],
  },
  'harness-sat': {
    positive: ['sat.' + 'eTpDiTpP9BIPU2pbcIMSyK.bZXie1zgr1T' + '8NpBz58Ch94XZ.4apJNBgVNg7Tz6P4Maue', 'sat.' + 'Qw8Er5Ty2Ui9Op3As6Df1G.h7Jk4Lz0Xc2V' + 'b5Nm8Qa1Ws3E.d6Rf9Tg2Yh5Uj8Ik1Ol4'],
    negative: ['sat.' + 'eTpDiTpP9BIPU2pbcIMSyK.bZXie1zgr1T8NpBz5', 'sat.' + 'a'.repeat(22) + '.' + 'b'.repeat(24) + '.' + 'c'.repeat(20)],
  },
  'infracost-api-key': {
    positive: ['ico-' + '8rVJHkuPInXjx4qe' + 'ey4GlbcnhrFfU4CL', 'INFRACOST_API_KEY=ico-' + '8rVJHkuPInXjx4qe' + 'ey4GlbcnhrFfU4CL'],
    negative: ['ico-' + '8rVJHkuPInXjx4qe', 'fa-ico-' + 'arrowLeftCircleOutlineSmallIcon'],
  },
  'prefect-api-key': {
    positive: ['pnu_' + 'ngQikiApdsN4gY5CWf' + 'ZhjYlktpvtO96cRYII', 'PREFECT_API_KEY=pnu_' + 'ngQikiApdsN4gY5CWf' + 'ZhjYlktpvtO96cRYII'],
    negative: ['pnu_' + 'ngQikiApdsN4gY5CWfZh', 'pnu_' + 'x'.repeat(36)],
  },
  'scalingo-token': {
    positive: ['tk-us-' + 'Nbgo_IjXMK71Sd8D6GAcY-BV' + '6ju1JYjb2lXixoeDXHhVCnWV', 'SCALINGO_API_TOKEN=tk-us-' + 'Nbgo_IjXMK71Sd8D6GAcY-BV' + '6ju1JYjb2lXixoeDXHhVCnWV'],
    negative: ['tk-us-' + 'Nbgo_IjXMK71Sd8D6GAc', 'tk-us-' + 'east-1-cluster-name-for-the-production-workloads'],
  },
  'readme-api-key': {
    positive: ['rdme_' + '46204jdqksvja3ok34a2s0rngawtkd8y7xf' + '1fni1n1o6nb6ndspmk5lf3nzve9qzzlsvzs', 'Authorization: Bearer rdme_' + '46204jdqksvja3ok34a2s0rngawtkd8y7xf' + '1fni1n1o6nb6ndspmk5lf3nzve9qzzlsvzs'],
    negative: ['rdme_' + '46204jdqksvja3ok34a2s0rngawtkd8y7xf1fni1', 'rdme_' + 'x'.repeat(70)],
  },
  'tailscale-key': {
    positive: ['tskey-' + 'auth-kAbqWDcaY4jCNTRL-pPv00' + 'PQePzgdnzibf29CIiT3QaSyluSh0', 'tskey-' + 'api-kwZ0WDV0vi0CNTRL-' + 'anbJEKQk6rXpeHGE5A1u5EvPUYxNSlfh7'],
    negative: ['tskey-' + 'auth-XXXXXX', 'tskey-' + 'auth-xxxxxxxxCNTRL-xxxxxxxxxxxxxxxxxxxxxxxx'],
  },
  'perplexity-api-key': {
    positive: ['pplx-' + '4iWxfYF2eCirKnerF9rKcIWe' + 'e1iSziWUV4Qebj1mwiM6bAti', 'PERPLEXITY_API_KEY=pplx-' + '4iWxfYF2eCirKnerF9rKcIWe' + 'e1iSziWUV4Qebj1mwiM6bAti'],
    negative: ['pplx-' + '4iWxfYF2eCirKnerF9rK', 'pplx-' + 'x'.repeat(48)],
  },
  'xai-api-key': {
    positive: ['xai-' + 'iWvqDk048RgzE09pRifnD71Bv3dVm3EoKQTL7q7U' + 'zbVK5A64jozFNVPXtVaBw4kuFYPYlM8qmz3s6VS0', 'XAI_API_KEY=xai-' + 'iWvqDk048RgzE09pRifnD71Bv3dVm3EoKQTL7q7U' + 'zbVK5A64jozFNVPXtVaBw4kuFYPYlM8qmz3s6VS0'],
    negative: ['xai-' + 'iWvqDk048RgzE09pRifnD71Bv3dVm3EoKQTL7q7U', 'xai-' + 'grok_model_name_for_the_completions_endpoint_of_the_service_in_production_cfg1'],
  },
  'openrouter-api-key': {
    positive: ['sk-or-v1-' + '70a0c26e5da1382cf68fc51798e64b5f' + 'bee6a606dcdcd787b1486c3ff7791d6f', 'Bearer sk-or-v1-' + '70a0c26e5da1382cf68fc51798e64b5f' + 'bee6a606dcdcd787b1486c3ff7791d6f'],
    negative: ['sk-or-v1-' + '70a0c26e5da1382cf68fc51798e64b5f', 'sk-or-v1-' + '<your-key>'],
  },
  'replicate-api-token': {
    positive: ['r8_' + 'XkrrK52FmytbzIe6Eu' + 'l5fLT3JRQtn1LddpSOH', 'REPLICATE_API_TOKEN=r8_' + 'XkrrK52FmytbzIe6Eu' + 'l5fLT3JRQtn1LddpSOH'],
    negative: ['r8_' + 'XkrrK52FmytbzIe6Eul5', 'r8_' + 'x'.repeat(37)],
  },
  'pinecone-api-key': {
    positive: ['pcsk_' + 'x6sU7_Rw5lbNGMmVGueTlEvLuF2WNXz1Xi' + 'GXwu6oXxuExw5Y1opXimDbSJViBQgcA9svK', 'PINECONE_API_KEY=pcsk_' + 'x6sU7_Rw5lbNGMmVGueTlEvLuF2WNXz1Xi' + 'GXwu6oXxuExw5Y1opXimDbSJViBQgcA9svK'],
    negative: ['pcsk_' + 'x6sU7_Rw5lbNGMmVGueTlEvLuF2WNX', 'pcsk_' + '<your pinecone key>'],
  },
  'nvidia-api-key': {
    positive: ['nvapi-' + 'QRl7Vf10AFHIsMGcmYJIFD67ZwJgwfuP' + 'VUUS9mT8LFH9HC_9s1MbZue8yziRANtW', 'NGC_API_KEY=nvapi-' + 'QRl7Vf10AFHIsMGcmYJIFD67ZwJgwfuP' + 'VUUS9mT8LFH9HC_9s1MbZue8yziRANtW'],
    negative: ['nvapi-' + 'QRl7Vf10AFHIsMGcmYJIFD67ZwJgwf', 'nvapi-' + 'x'.repeat(64)],
  },
  'langsmith-api-key': {
    positive: ['lsv2_' + 'pt_66ef1ac2fd73bb08ad2c' + '00656695e770_1123261975', 'lsv2_' + 'sk_d821cf48c54969672e514fef7228bcb8' + '_b6a0e7ec50'],
    negative: ['lsv2_' + 'pt_0310beaecc33e47eca01ed004d4dd16e', 'lsv2_' + 'pt_' + 'x'.repeat(32) + '_' + 'x'.repeat(10)],
  },
};
