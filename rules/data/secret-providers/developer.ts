// Tier-1 secret formats, developer platforms: code hosting, package registries, AI APIs, secret managers, data and ML platforms.
// Samples: ../secret-provider-samples/developer.ts. The order of entries matters where formats overlap: the first match wins.
import { escapeRegExp } from '../../support/keyword-pattern';
import { type SecretProvider, looksRandomMixedCase } from './shared';

/** Random keys of mixed-case letters have many of both cases; camelCase identifiers have a few capitals. */
function hasManyOfBothCases(body: string): boolean {
  return (body.match(/[A-Z]/g)?.length ?? 0) >= 6 && (body.match(/[a-z]/g)?.length ?? 0) >= 6;
}

const hasLettersAndDigits = (body: string) => /[0-9]/.test(body) && /[A-Za-z]/.test(body);
/** Lower-case random bodies: a few digits, where a kebab-case name has one at most. */
const hasSeveralDigits = (body: string) => (body.match(/[0-9]/g)?.length ?? 0) >= 4 && /[a-z]/i.test(body);

/** Base64 of `user:password`, as docker's config.json `auth` field holds it. */
function decodesToUserAndPassword(token: string): boolean {
  if (token.length % 4 !== 0) return false;
  const decoded = Buffer.from(token, 'base64').toString('latin1');
  // The password may be a whole JSON key file (`_json_key:{…}` for Google registries): any printable text, lines too.
  return /^[\x21-\x39\x3b-\x7e]{1,128}:[\t\n\r\x20-\x7e]{3,}$/.test(decoded);
}

/**
 * A token its prefix alone gives away: `keyword` + `body` (regex source), between token boundaries, and a body that
 * looks random: letters and digits by default (rules out words, numbers and repeated characters); stricter where the
 * body's alphabet also fits kebab- or snake-case names.
 */
function prefixedToken(id: string, provider: string, name: string, envName: string, keyword: string, body: string, minLength: number, looksRandom = hasLettersAndDigits): SecretProvider {
  const escaped = escapeRegExp(keyword);
  return {
    id,
    provider,
    name,
    envName,
    keywords: [keyword],
    minLength,
    pattern: new RegExp(`(?<![A-Za-z0-9_.-])${escaped}${body}(?![A-Za-z0-9_-])`),
    validate: (token) => looksRandom(token.slice(keyword.length)),
  };
}

const GITHUB_CLASSIC_KINDS = {
  ghp: 'personal access token',
  gho: 'OAuth access token',
  ghu: 'user-to-server token',
  ghs: 'server-to-server token',
  ghr: 'refresh token',
} as const;

// GitLab's prefixed tokens: prefix, kind, body. Routable tokens (GitLab 17+) append `.<2>.<7-9>` or `.<9>` to the body.
const GITLAB_TOKENS: readonly (readonly [prefix: string, kind: string, body: string])[] = [
  ['glpat-', 'personal access token', '[A-Za-z0-9_-]{20,300}'],
  ['gldt-', 'deploy token', '[A-Za-z0-9_-]{20,300}'],
  ['glrt-', 'runner authentication token', '[A-Za-z0-9_-]{20,300}'],
  ['glcbt-', 'CI/CD job token', '[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20,300}'],
  ['glptt-', 'pipeline trigger token', '[a-f0-9]{40}'],
  ['glft-', 'feed token', '[A-Za-z0-9_-]{20,300}'],
  ['glimt-', 'incoming mail token', '[A-Za-z0-9_-]{25,300}'],
  ['glagent-', 'Kubernetes agent token', '[A-Za-z0-9_-]{50,300}'],
  ['gloas-', 'OAuth application secret', '[A-Za-z0-9_-]{64,300}'],
  ['glsoat-', 'SCIM token', '[A-Za-z0-9_-]{20,300}'],
  ['glffct-', 'feature flags client token', '[A-Za-z0-9_-]{20,300}'],
];

const PLANETSCALE_TOKENS = [
  ['pw', 'database password', 'DATABASE_PASSWORD'],
  ['tkn', 'service token', 'PLANETSCALE_SERVICE_TOKEN'],
  ['oauth', 'OAuth token', 'PLANETSCALE_OAUTH_TOKEN'],
] as const;

export const DEVELOPER_PROVIDERS: readonly SecretProvider[] = [
  // --- Code hosting ---------------------------------------------------------------------------------------------
  ...(Object.keys(GITHUB_CLASSIC_KINDS) as (keyof typeof GITHUB_CLASSIC_KINDS)[]).map((prefix): SecretProvider => ({
    id: `github-${prefix}`,
    provider: 'GitHub',
    name: `GitHub ${GITHUB_CLASSIC_KINDS[prefix]}`,
    envName: 'GITHUB_TOKEN',
    keywords: [`${prefix}_`],
    minLength: 40,
    // Server-to-server tokens also come in a newer, longer form (80+ characters, underscores inside).
    pattern:
      prefix === 'ghs'
        ? /(?<![A-Za-z0-9_])ghs_(?:[A-Za-z0-9]{36}|[A-Za-z0-9_]{80,255})(?![A-Za-z0-9_])/
        : new RegExp(`(?<![A-Za-z0-9_])${prefix}_[A-Za-z0-9]{36}(?![A-Za-z0-9])`),
    validate: (token) => token.length === 40 || looksRandomMixedCase(token),
  })),
  {
    id: 'github-fine-grained-pat',
    provider: 'GitHub',
    name: 'GitHub fine-grained personal access token',
    envName: 'GITHUB_TOKEN',
    keywords: ['github_pat_'],
    minLength: 93,
    // 22 characters, `_`, 59 characters; scanners' generated samples drop the inner `_`, so any 82 word characters.
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])/,
  },
  ...GITLAB_TOKENS.map(([prefix, kind, body]): SecretProvider => ({
    id: prefix === 'glpat-' ? 'gitlab-pat' : `gitlab-${prefix.slice(0, -1)}`,
    provider: 'GitLab',
    name: `GitLab ${kind}`,
    envName: prefix === 'glpat-' ? 'GITLAB_TOKEN' : `GITLAB_${kind.replace(/[^A-Za-z]+/g, '_').toUpperCase()}`,
    keywords: [prefix],
    minLength: prefix.length + 20,
    pattern: new RegExp(`(?<![A-Za-z0-9_-])${prefix}${body}(?:\\.[a-z0-9]{2}\\.?[a-z0-9]{7,9})?(?![A-Za-z0-9_-])`),
    validate: (token) => hasLettersAndDigits(token.slice(prefix.length)),
  })),
  {
    id: 'gitlab-runner-registration-token',
    provider: 'GitLab',
    name: 'GitLab runner registration token',
    envName: 'GITLAB_RUNNER_REGISTRATION_TOKEN',
    keywords: ['GR1348941'],
    minLength: 29,
    pattern: /(?<![A-Za-z0-9_-])GR1348941[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/,
    validate: (token) => /[A-Za-z]/.test(token.slice(9)) && /[0-9]/.test(token.slice(9)),
  },
  {
    id: 'gitlab-session-cookie',
    provider: 'GitLab',
    name: 'GitLab session cookie',
    envName: 'GITLAB_SESSION',
    keywords: ['_gitlab_session='],
    minLength: 48,
    pattern: /_gitlab_session=[a-z0-9]{32}(?![A-Za-z0-9])/,
  },
  // --- Package registries and containers --------------------------------------------------------------------------
  {
    id: 'npm-token',
    provider: 'npm',
    name: 'npm access token',
    envName: 'NPM_TOKEN',
    keywords: ['npm_'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
  },
  {
    id: 'npmrc-auth-token',
    provider: 'npm',
    name: 'npm registry auth token (.npmrc)',
    envName: 'NPM_TOKEN',
    keywords: ['_authToken='],
    minLength: 20,
    // An .npmrc line held in code; the value may be a legacy UUID token or another registry's token.
    pattern: /(?<=_authToken=)[A-Za-z0-9+/=_.-]{20,}/,
    validate: (token) => /[0-9]/.test(token) && /[A-Za-z]/.test(token),
  },
  {
    id: 'npm-legacy-token',
    provider: 'npm',
    name: 'npm legacy access token',
    envName: 'NPM_TOKEN',
    keywords: [],
    minLength: 36,
    // Before `npm_`, tokens were bare UUIDs: only with "npm" in the name or just before the literal.
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    validate: (_token, _match, context) => /npm/i.test(context.sinkName ?? '') || /npm[^\n]{0,60}$/.test(context.textBefore()),
  },
  {
    id: 'pypi-token',
    provider: 'PyPI',
    name: 'PyPI upload token',
    envName: 'PYPI_TOKEN',
    keywords: ['pypi-AgEIcHlwaS5vcmc'],
    minLength: 70,
    pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'docker-hub-token',
    provider: 'Docker',
    name: 'Docker Hub access token',
    envName: 'DOCKER_TOKEN',
    keywords: ['dckr_pat_', 'dckr_oat_'],
    minLength: 36,
    pattern: /(?<![A-Za-z0-9_-])dckr_(?:pat_[A-Za-z0-9_-]{27}|oat_[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'docker-config-auth',
    provider: 'Docker',
    name: 'Docker registry credentials (config.json auth)',
    envName: 'DOCKER_AUTH_CONFIG',
    keywords: ['"auths"', 'auths\\"'],
    minLength: 12,
    // The `auth` field of a docker config.json (also JSON-escaped, as in a DOCKER_AUTH_CONFIG variable): base64 of `user:password`.
    pattern: /(?<=\\?"auth\\?"\s*:\s*\\?")[A-Za-z0-9+/]{8,}={0,2}(?=\\?")/,
    validate: (token) => decodesToUserAndPassword(token),
  },
  // --- AI APIs --------------------------------------------------------------------------------------------------
  {
    id: 'openai-api-key',
    provider: 'OpenAI',
    name: 'OpenAI API key',
    envName: 'OPENAI_API_KEY',
    keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'T3BlbkFJ'],
    minLength: 40,
    // `T3BlbkFJ` is base64 of "OpenAI"; project, service-account and admin keys carry it in the middle.
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9_-]{8,160}T3BlbkFJ[A-Za-z0-9_-]{16,160})(?![A-Za-z0-9_-])/,
    validate: (token) => token.includes('T3BlbkFJ') || looksRandomMixedCase(token),
  },
  ...(
    [
      ['api03', 'anthropic-api-key', 'Anthropic API key', 'ANTHROPIC_API_KEY'],
      ['admin01', 'anthropic-admin-api-key', 'Anthropic admin API key', 'ANTHROPIC_ADMIN_KEY'],
    ] as const
  ).map(([kind, id, name, envName]): SecretProvider => ({
    id,
    provider: 'Anthropic',
    name,
    envName,
    keywords: [`sk-ant-${kind}-`],
    minLength: 108,
    // 93 characters and a fixed `AA` tail.
    pattern: new RegExp(`(?<![A-Za-z0-9_-])sk-ant-${kind}-[A-Za-z0-9_-]{93}AA(?![A-Za-z0-9_-])`),
  })),
  {
    id: 'groq-api-key',
    provider: 'Groq',
    name: 'Groq API key',
    envName: 'GROQ_API_KEY',
    keywords: ['gsk_'],
    minLength: 56,
    pattern: /(?<![A-Za-z0-9_])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/,
  },
  {
    id: 'huggingface-token',
    provider: 'Hugging Face',
    name: 'Hugging Face access token',
    envName: 'HF_TOKEN',
    keywords: ['hf_'],
    minLength: 37,
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{34}(?![A-Za-z0-9_])/,
    validate: (token) => hasManyOfBothCases(token.slice(3)),
  },
  {
    id: 'huggingface-org-token',
    provider: 'Hugging Face',
    name: 'Hugging Face organization API token',
    envName: 'HF_TOKEN',
    keywords: ['api_org_'],
    minLength: 42,
    pattern: /(?<![A-Za-z0-9_])api_org_[A-Za-z0-9]{34}(?![A-Za-z0-9_])/,
    validate: (token) => hasManyOfBothCases(token.slice(8)),
  },
  // --- Secret managers ------------------------------------------------------------------------------------------
  {
    id: 'onepassword-service-account-token',
    provider: '1Password',
    name: '1Password service account token',
    envName: 'OP_SERVICE_ACCOUNT_TOKEN',
    keywords: ['ops_eyJ'],
    minLength: 250,
    // `ops_` + base64 of a JSON document (sign-in address, key material): hundreds of characters.
    pattern: /(?<![A-Za-z0-9_])ops_eyJ[A-Za-z0-9+/]{250,}={0,3}(?![A-Za-z0-9+/=])/,
    allowRepetition: true,
  },
  {
    id: 'onepassword-secret-key',
    provider: '1Password',
    name: '1Password account secret key',
    envName: 'OP_SECRET_KEY',
    keywords: ['A3-'],
    minLength: 39,
    pattern: /(?<![A-Za-z0-9-])A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])/,
    validate: (token) => /[A-Z]/.test(token.slice(3)) && /[0-9]/.test(token.slice(3)),
  },
  {
    id: 'doppler-token',
    provider: 'Doppler',
    name: 'Doppler token',
    envName: 'DOPPLER_TOKEN',
    keywords: ['dp.'],
    minLength: 45,
    pattern: /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/,
  },
  {
    id: 'vault-token',
    provider: 'HashiCorp Vault',
    name: 'HashiCorp Vault token',
    envName: 'VAULT_TOKEN',
    keywords: ['hvs.', 'hvb.'],
    minLength: 90,
    pattern: /(?<![A-Za-z0-9_.])hv[sb]\.[A-Za-z0-9_-]{90,}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'vault-legacy-token',
    provider: 'HashiCorp Vault',
    name: 'HashiCorp Vault token (legacy format)',
    envName: 'VAULT_TOKEN',
    keywords: [],
    minLength: 26,
    // `s.` + 24 characters before Vault 1.10: a whole value, random-looking, with a Vault hint.
    pattern: /^s\.[A-Za-z0-9]{24}$/,
    validate: (token, _match, context) =>
      looksRandomMixedCase(token) && (/vault/i.test(context.sinkName ?? '') || /vault/.test(context.textBefore().slice(-120))),
  },
  {
    id: 'age-secret-key',
    provider: 'age',
    name: 'age secret key',
    envName: 'AGE_SECRET_KEY',
    keywords: ['AGE-SECRET-KEY-1'],
    minLength: 74,
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Z0-9])/,
  },
  // --- Platforms: CI/infrastructure, data, observability, design --------------------------------------------------
  {
    id: 'postman-api-key',
    provider: 'Postman',
    name: 'Postman API key',
    envName: 'POSTMAN_API_KEY',
    keywords: ['PMAK-'],
    minLength: 64,
    // 24 hex, `-`, 34 hex; other scanners also accept 59 alphanumerics after the prefix.
    pattern: /(?<![A-Za-z0-9_-])PMAK-(?:[a-f0-9]{24}-[a-f0-9]{34}|[A-Za-z0-9]{59})(?![A-Za-z0-9_-])/,
    validate: (token) => /[0-9]/.test(token.slice(5)) && /[a-zA-Z]/.test(token.slice(5)),
  },
  {
    id: 'terraform-cloud-token',
    provider: 'HashiCorp Terraform',
    name: 'Terraform Cloud API token',
    envName: 'TFC_TOKEN',
    keywords: ['.atlasv1.'],
    minLength: 80,
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
  },
  {
    id: 'databricks-token',
    provider: 'Databricks',
    name: 'Databricks access token',
    envName: 'DATABRICKS_TOKEN',
    keywords: ['dapi'],
    minLength: 36,
    pattern: /(?<![A-Za-z0-9])dapi[a-f0-9]{32}(?:-[0-9])?(?![A-Za-z0-9])/,
  },
  {
    id: 'grafana-token',
    provider: 'Grafana',
    name: 'Grafana service account token',
    envName: 'GRAFANA_TOKEN',
    keywords: ['glsa_'],
    minLength: 46,
    // `glsa_` + 32 characters + `_` + 8 hex (a checksum); some scanners' samples move the inner `_`, so 41 word characters.
    pattern: /(?<![A-Za-z0-9_])glsa_[A-Za-z0-9_]{41}(?![A-Za-z0-9_])/,
    validate: (token) => /[0-9]/.test(token) && /[a-zA-Z]/.test(token.slice(5)),
  },
  {
    id: 'grafana-cloud-token',
    provider: 'Grafana',
    name: 'Grafana Cloud access policy token',
    envName: 'GRAFANA_CLOUD_TOKEN',
    keywords: ['glc_'],
    minLength: 36,
    // `glc_` + base64 of a JSON document (`eyJ…`); older ones are 32+ random alphanumerics.
    pattern: /(?<![A-Za-z0-9_])glc_[A-Za-z0-9+/]{32,400}={0,3}(?![A-Za-z0-9+/=_])/,
    validate: (token) => token.startsWith('glc_eyJ') || (/[0-9]/.test(token) && /[a-zA-Z]/.test(token.slice(4))),
  },
  {
    id: 'grafana-api-key',
    provider: 'Grafana',
    name: 'Grafana API key (legacy)',
    envName: 'GRAFANA_API_KEY',
    keywords: ['eyJrIjoi'],
    minLength: 78,
    // Base64 of `{"k":"…`: a JSON document, not a JWT (no dots).
    pattern: /(?<![A-Za-z0-9+/=])eyJrIjoi[A-Za-z0-9+/]{70,400}={0,3}(?![A-Za-z0-9+/=.])/,
  },
  ...PLANETSCALE_TOKENS.map(([kind, what, envName]): SecretProvider => ({
    id: `planetscale-${kind === 'pw' ? 'password' : kind === 'tkn' ? 'service-token' : 'oauth-token'}`,
    provider: 'PlanetScale',
    name: `PlanetScale ${what}`,
    envName,
    keywords: [`pscale_${kind}_`],
    minLength: 40,
    // 43 base62 characters today; older ones also hold `=`, `.` and `-`.
    pattern: new RegExp(`(?<![A-Za-z0-9_])pscale_${kind}_[A-Za-z0-9_=.-]{32,64}(?<!\\.)(?![A-Za-z0-9_=-])`),
  })),
  {
    id: 'figma-token',
    provider: 'Figma',
    name: 'Figma access token',
    envName: 'FIGMA_TOKEN',
    keywords: ['figd_', 'figp_'],
    minLength: 45,
    pattern: /(?<![A-Za-z0-9_])fig[dp]_[A-Za-z0-9_-]{40,54}(?![A-Za-z0-9_-])/,
    validate: (token) => looksRandomMixedCase(token.slice(5)),
  },
  {
    id: 'supabase-access-token',
    provider: 'Supabase',
    name: 'Supabase access token',
    envName: 'SUPABASE_ACCESS_TOKEN',
    keywords: ['sbp_'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9_])sbp_[a-z0-9]{40}(?![A-Za-z0-9])/,
    validate: (token) => /[0-9]/.test(token.slice(4)) && /[a-z]/.test(token.slice(4)),
  },
  // --- Prefix-only formats of smaller developer platforms (one line each: prefix, body, shortest length) ---------------
  prefixedToken('sourcegraph-token', 'Sourcegraph', 'Sourcegraph access token', 'SRC_ACCESS_TOKEN', 'sgp_', '(?:(?:[a-fA-F0-9]{16}|local)_)?[a-fA-F0-9]{40}', 44),
  prefixedToken('atlassian-api-token', 'Atlassian', 'Atlassian API token', 'ATLASSIAN_API_TOKEN', 'ATATT3', '[A-Za-z0-9_=-]{186}', 192),
  prefixedToken('pulumi-access-token', 'Pulumi', 'Pulumi access token', 'PULUMI_ACCESS_TOKEN', 'pul-', '[a-z0-9]{40}', 44),
  prefixedToken('rubygems-api-key', 'RubyGems', 'RubyGems API key', 'GEM_HOST_API_KEY', 'rubygems_', '[a-z0-9]{48}', 57),
  prefixedToken('clojars-token', 'Clojars', 'Clojars deploy token', 'CLOJARS_TOKEN', 'CLOJARS_', '[a-z0-9]{60}', 68),
  prefixedToken('flyio-token', 'Fly.io', 'Fly.io access token', 'FLY_API_TOKEN', 'fo1_', '[A-Za-z0-9_-]{43}', 47, looksRandomMixedCase),
  prefixedToken('flyio-macaroon', 'Fly.io', 'Fly.io macaroon token', 'FLY_API_TOKEN', 'fm2_', '[A-Za-z0-9+/]{100,}={0,3}', 104),
  prefixedToken('flyio-legacy-macaroon', 'Fly.io', 'Fly.io macaroon token', 'FLY_API_TOKEN', 'fm1', '[ar]_[A-Za-z0-9+/]{100,}={0,3}', 105),
  prefixedToken('harness-pat', 'Harness', 'Harness personal access token', 'HARNESS_API_KEY', 'pat.', '[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}', 72),
  prefixedToken('harness-sat', 'Harness', 'Harness service account token', 'HARNESS_API_KEY', 'sat.', '[A-Za-z0-9_-]{22}\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{20}', 72),
  prefixedToken('infracost-api-key', 'Infracost', 'Infracost API key', 'INFRACOST_API_KEY', 'ico-', '[A-Za-z0-9]{32}', 36),
  prefixedToken('prefect-api-key', 'Prefect', 'Prefect API key', 'PREFECT_API_KEY', 'pnu_', '[A-Za-z0-9]{36}', 40),
  prefixedToken('scalingo-token', 'Scalingo', 'Scalingo API token', 'SCALINGO_API_TOKEN', 'tk-us-', '[A-Za-z0-9_-]{48}', 54, hasSeveralDigits),
  prefixedToken('readme-api-key', 'ReadMe', 'ReadMe API key', 'README_API_KEY', 'rdme_', '[a-z0-9]{70}', 75),
  prefixedToken('tailscale-key', 'Tailscale', 'Tailscale key', 'TS_AUTHKEY', 'tskey-', '[a-z]{3,8}-[A-Za-z0-9_]{6,120}-[A-Za-z0-9_]{16,120}', 34, looksRandomMixedCase),
  prefixedToken('perplexity-api-key', 'Perplexity', 'Perplexity API key', 'PERPLEXITY_API_KEY', 'pplx-', '[A-Za-z0-9]{48}', 53),
  prefixedToken('xai-api-key', 'xAI', 'xAI API key', 'XAI_API_KEY', 'xai-', '[A-Za-z0-9_]{80}', 84, looksRandomMixedCase),
  prefixedToken('openrouter-api-key', 'OpenRouter', 'OpenRouter API key', 'OPENROUTER_API_KEY', 'sk-or-v1-', '[a-f0-9]{64}', 73),
  prefixedToken('replicate-api-token', 'Replicate', 'Replicate API token', 'REPLICATE_API_TOKEN', 'r8_', '[A-Za-z0-9_-]{37}', 40, looksRandomMixedCase),
  prefixedToken('pinecone-api-key', 'Pinecone', 'Pinecone API key', 'PINECONE_API_KEY', 'pcsk_', '[A-Za-z0-9]{5,6}_[A-Za-z0-9]{63}', 74),
  prefixedToken('nvidia-api-key', 'NVIDIA', 'NVIDIA API key', 'NVIDIA_API_KEY', 'nvapi-', '[A-Za-z0-9_-]{64}', 70, looksRandomMixedCase),
  prefixedToken('langsmith-api-key', 'LangSmith', 'LangSmith API key', 'LANGSMITH_API_KEY', 'lsv2_', '(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}', 51),
];
