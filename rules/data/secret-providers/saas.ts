// Tier-1 secret formats, web services an API backend calls: payments, messaging, email, commerce, search, monitoring, issue trackers.
// Samples: ../secret-provider-samples/saas.ts. The order of entries matters where formats overlap: the first match wins.
import { type SecretProvider, looksRandomMixedCase, nearby } from './shared';

/** Random key material has digits and letters; words, ids and `your-token-here` do not have both. */
const hasDigitAndLetter = (text: string) => /[0-9]/.test(text) && /[A-Za-z]/.test(text);

/** The part after the last `-` or `/`: where Slack, Mailgun and webhook URLs keep the random secret. */
const lastPart = (token: string) => token.slice(Math.max(token.lastIndexOf('-'), token.lastIndexOf('/')) + 1);

/** Everything after the mode prefix (`sk_test_`, `pk_live_`): what placeholder and dummy checks should read. */
const afterModePrefix = (token: string) => token.slice(token.indexOf('_', 3) + 1);

/** Clerk publishable keys encode the instance's frontend API host followed by `$` (`clerk.acme.dev$`). */
function encodesClerkHost(token: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+\$$/i.test(Buffer.from(afterModePrefix(token), 'base64').toString('latin1'));
}

/** Discord bot tokens start with the bot's user id (a snowflake), base64-encoded. */
function startsWithBase64Snowflake(token: string): boolean {
  const decoded = Buffer.from(token.slice(0, token.indexOf('.')), 'base64').toString('latin1');
  return /^[0-9]{17,20}$/.test(decoded);
}

const ALGOLIA_HINT = /algolia/;

/** Lower-cased source: a Twilio name or an account SID (`AC` + 32 hex) next to the auth token. */
const TWILIO_HINT = /twilio|\bac[0-9a-f]{32}\b/;

const DATADOG_HINT = /datadog|\bdd[_-]?(api|app|client)|\bdd_/;

export const SAAS_PROVIDERS: readonly SecretProvider[] = [
  {
    id: 'stripe-secret-key',
    provider: 'Stripe',
    name: 'Stripe live secret key',
    envName: 'STRIPE_SECRET_KEY',
    keywords: ['sk_live_', 'sk_prod_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])sk_(?:live|prod)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
  },
  {
    id: 'stripe-restricted-key',
    provider: 'Stripe',
    name: 'Stripe live restricted key',
    envName: 'STRIPE_RESTRICTED_KEY',
    keywords: ['rk_live_', 'rk_prod_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])rk_(?:live|prod)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
  },
  {
    id: 'stripe-test-secret-key',
    provider: 'Stripe',
    name: 'Stripe test-mode secret key',
    envName: 'STRIPE_SECRET_KEY',
    keywords: ['sk_test_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])sk_test_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
    checkedPart: afterModePrefix,
    severity: 'warning',
  },
  {
    id: 'stripe-test-restricted-key',
    provider: 'Stripe',
    name: 'Stripe test-mode restricted key',
    envName: 'STRIPE_RESTRICTED_KEY',
    keywords: ['rk_test_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])rk_test_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
    checkedPart: afterModePrefix,
    severity: 'warning',
  },
  // Clerk's publishable keys share Stripe's `pk_live_`/`pk_test_` prefix: told apart by what they encode.
  {
    id: 'clerk-publishable-key',
    provider: 'Clerk',
    name: 'Clerk publishable key',
    envName: 'CLERK_PUBLISHABLE_KEY',
    keywords: ['pk_live_', 'pk_test_'],
    minLength: 20,
    pattern: /(?<![A-Za-z0-9_])pk_(?:live|test)_[A-Za-z0-9+/]{12,}={0,2}(?![A-Za-z0-9+/=])/,
    validate: encodesClerkHost,
    checkedPart: afterModePrefix,
    publicReason: 'it only names the Clerk instance to the browser',
  },
  {
    id: 'stripe-publishable-key',
    provider: 'Stripe',
    name: 'Stripe publishable key',
    envName: 'STRIPE_PUBLISHABLE_KEY',
    keywords: ['pk_live_', 'pk_test_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])pk_(?:live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
    checkedPart: afterModePrefix,
    publicReason: 'it only identifies the account to Stripe.js in the browser',
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    name: 'Stripe webhook signing secret',
    envName: 'STRIPE_WEBHOOK_SECRET',
    keywords: ['whsec_'],
    minLength: 38,
    pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{32,}(?![A-Za-z0-9])/,
  },
  // Slack: a `xox?-` prefix followed by numeric team/user ids is unambiguous. Ids may be followed by nothing but the
  // secret part (tokens cut short in docs and logs are still tokens); `#`/`*` after the ids means redacted.
  {
    id: 'slack-bot-token',
    provider: 'Slack',
    name: 'Slack bot token',
    envName: 'SLACK_BOT_TOKEN',
    keywords: ['xoxb-'],
    minLength: 26,
    // Current: team id, bot user id, secret (`xoxb-<id>-<id>-<24>`); legacy two-part: one id and the secret.
    pattern: /(?<![A-Za-z0-9.-])xoxb-(?:[0-9]{10,13}-[0-9]{10,13}(?:-[A-Za-z0-9]{20,40}|[A-Za-z0-9]{0,8})|[0-9]{8,14}-[A-Za-z0-9]{18,26})(?![A-Za-z0-9#*-])/,
    // Two ids say "Slack" on their own; after a single id the secret has to look random.
    validate: (token) => /^xoxb-[0-9]+-[0-9]{10}/.test(token) || hasDigitAndLetter(lastPart(token)),
  },
  {
    id: 'slack-user-token',
    provider: 'Slack',
    name: 'Slack user token',
    envName: 'SLACK_USER_TOKEN',
    keywords: ['xoxp-', 'xoxe-'],
    minLength: 20,
    // `xoxp-<team>-<user>-<installation>-<secret>`; `xoxe-` is the rotating form with the same shape.
    pattern: /(?<![A-Za-z0-9.-])xox[pe]-[0-9]{8,14}(?:-[0-9]{6,14}){1,2}(?:-[A-Za-z0-9]{10,64}|[A-Za-z0-9]{0,8})(?![A-Za-z0-9#*-])/,
  },
  {
    id: 'slack-workspace-token',
    provider: 'Slack',
    name: 'Slack workspace access or refresh token',
    envName: 'SLACK_WORKSPACE_TOKEN',
    keywords: ['xoxa-', 'xoxr-'],
    minLength: 17,
    // Ids and a secret like user tokens, or (older) a version digit and a random string.
    pattern: /(?<![A-Za-z0-9.-])xox[ar]-(?:[0-9]-)?(?:[0-9]{8,14}(?:-[0-9]{6,14}){1,2}(?:-[A-Za-z0-9]{10,64}|[A-Za-z0-9]{0,8})|[A-Za-z0-9]{12,48})(?![A-Za-z0-9#*-])/,
    validate: (token) => hasDigitAndLetter(lastPart(token)) || /-[0-9]{8,}-[0-9]{6,}/.test(token),
  },
  {
    id: 'slack-legacy-token',
    provider: 'Slack',
    name: 'Slack legacy session token',
    envName: 'SLACK_TOKEN',
    keywords: ['xoxs-', 'xoxo-'],
    minLength: 36,
    // Three ids and a hex secret; `xoxo` alone is just a sign-off, so the ids are required.
    pattern: /(?<![A-Za-z0-9.-])xox[so]-[0-9]{6,14}(?:-[0-9]{6,14}){2}-[0-9a-f]{10,64}(?![A-Za-z0-9#*-])/,
  },
  {
    id: 'slack-config-token',
    provider: 'Slack',
    name: 'Slack app configuration token',
    envName: 'SLACK_CONFIG_TOKEN',
    keywords: ['xoxe.xox', 'xoxe-'],
    minLength: 120,
    // Access (`xoxe.xoxp-1-…`, `xoxe.xoxb-1-…`) and refresh (`xoxe-1-…`) tokens of the app manifest API.
    pattern: /(?<![A-Za-z0-9.-])xoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{110,200}(?![A-Za-z0-9])/,
    validate: (token) => hasDigitAndLetter(lastPart(token)),
  },
  {
    id: 'slack-app-token',
    provider: 'Slack',
    name: 'Slack app-level token',
    envName: 'SLACK_APP_TOKEN',
    keywords: ['xapp-'],
    minLength: 50,
    pattern: /(?<![A-Za-z0-9.-])xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-z0-9]{40,80}(?![A-Za-z0-9])/,
  },
  {
    id: 'slack-webhook',
    provider: 'Slack',
    name: 'Slack incoming webhook URL',
    envName: 'SLACK_WEBHOOK_URL',
    keywords: ['hooks.slack.com/'],
    minLength: 60,
    // The path is the secret: `/services/T…/B…/<24>`, `/workflows/T…/A…/<id>/<24>`, `/triggers/T…/<id>/<32 hex>`.
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/+-]{40,140}(?![A-Za-z0-9_/+-])/,
    validate: (token) => lastPart(token).length >= 20 && hasDigitAndLetter(lastPart(token)),
  },
  {
    id: 'twilio-api-key',
    provider: 'Twilio',
    name: 'Twilio API key',
    envName: 'TWILIO_API_KEY',
    keywords: ['SK'],
    minLength: 34,
    pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/,
    validate: (token) => /[0-9]/.test(token.slice(2)) && /[a-f]/.test(token.slice(2)),
  },
  {
    id: 'twilio-auth-token',
    provider: 'Twilio',
    name: 'Twilio auth token',
    envName: 'TWILIO_AUTH_TOKEN',
    keywords: [],
    minLength: 32,
    pattern: /^[0-9a-f]{32}$/,
    // 32 hex characters are also hashes and ids: only next to a Twilio hint or an account SID (`AC` + 32 hex).
    validate: (token, match, context) => /[a-f]/.test(token) && /[0-9]/.test(token) && (nearby(TWILIO_HINT)(token, match, context) || TWILIO_HINT.test(context.textAfter())),
  },
  {
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    name: 'SendGrid API key',
    envName: 'SENDGRID_API_KEY',
    keywords: ['SG.'],
    minLength: 62,
    // `SG.<key id>.<secret>`: 22 and 43 characters today, a little shorter or longer in older keys.
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{20,24}\.[A-Za-z0-9_-]{39,50}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    name: 'Mailgun API key',
    envName: 'MAILGUN_API_KEY',
    keywords: ['key-'],
    minLength: 36,
    // Legacy `key-<32>`: lower-case alphanumerics, not always hex.
    pattern: /(?<![A-Za-z0-9_-])key-[a-z0-9]{32}(?![A-Za-z0-9])/,
    validate: (token) => /(?:[0-9][^0-9]*){4}/.test(token.slice(4)) && /(?:[a-z][^a-z]*){4}/.test(token.slice(4)),
  },
  {
    id: 'mailgun-private-key',
    provider: 'Mailgun',
    name: 'Mailgun API or webhook signing key',
    envName: 'MAILGUN_API_KEY',
    keywords: [],
    minLength: 50,
    // Current private API keys and HTTP webhook signing keys: `<32 hex>-<8 hex>-<8 hex>`. No prefix to pre-check, so
    // the whole value (a cheap anchored test); the three-part hex shape is the key's own, no hint needed.
    pattern: /^[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$/,
    validate: (token) => hasDigitAndLetter(token.slice(0, 32)),
  },
  {
    id: 'mailgun-public-key',
    provider: 'Mailgun',
    name: 'Mailgun public validation key',
    envName: 'MAILGUN_PUBLIC_KEY',
    keywords: ['pubkey-'],
    minLength: 39,
    pattern: /(?<![A-Za-z0-9_-])pubkey-[a-z0-9]{32}(?![A-Za-z0-9])/,
    validate: (token) => hasDigitAndLetter(token.slice(7)),
    publicReason: 'it only lets browsers call the email validation API',
  },
  {
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    name: 'Mailchimp API key',
    envName: 'MAILCHIMP_API_KEY',
    keywords: ['-us'],
    minLength: 35,
    pattern: /(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/,
  },
  {
    id: 'shopify-token',
    provider: 'Shopify',
    name: 'Shopify access token',
    envName: 'SHOPIFY_ACCESS_TOKEN',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    minLength: 38,
    // Hex in Shopify's examples, but any 32 alphanumerics after the prefix are a token.
    pattern: /(?<![A-Za-z0-9])shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32}(?![A-Za-z0-9])/,
    validate: (token) => hasDigitAndLetter(token.slice(6)),
  },
  {
    id: 'square-token',
    provider: 'Square',
    name: 'Square access token or OAuth secret',
    envName: 'SQUARE_ACCESS_TOKEN',
    keywords: ['sq0atp-', 'sq0csp-', 'EAAA'],
    minLength: 28,
    // Access tokens: `sq0atp-` (22 to 60 characters) or `EAAA` + 60; OAuth application secrets: `sq0csp-` + 43.
    pattern: /(?<![A-Za-z0-9_-])(?:sq0atp-[A-Za-z0-9_-]{22,60}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'discord-bot-token',
    provider: 'Discord',
    name: 'Discord bot token',
    envName: 'DISCORD_BOT_TOKEN',
    keywords: [],
    minLength: 59,
    pattern: /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/,
    validate: (token) => startsWithBase64Snowflake(token),
  },
  {
    id: 'discord-webhook',
    provider: 'Discord',
    name: 'Discord webhook URL',
    envName: 'DISCORD_WEBHOOK_URL',
    keywords: ['/api/webhooks/'],
    minLength: 80,
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,68}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'telegram-bot-token',
    provider: 'Telegram',
    name: 'Telegram bot token',
    envName: 'TELEGRAM_BOT_TOKEN',
    keywords: [':AA'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9:])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'algolia-search-key',
    provider: 'Algolia',
    name: 'Algolia search-only API key',
    envName: 'ALGOLIA_SEARCH_KEY',
    keywords: [],
    minLength: 32,
    pattern: /^[0-9a-f]{32}$/,
    // 32 hex characters are also hashes and admin keys: only under a search-key name with an Algolia hint.
    validate: (token, match, context) => context.sinkName !== undefined && /search/i.test(context.sinkName) && nearby(ALGOLIA_HINT)(token, match, context),
    publicReason: 'a search-only key is meant for browsers',
  },
  {
    id: 'datadog-api-key',
    provider: 'Datadog',
    name: 'Datadog API key',
    envName: 'DD_API_KEY',
    keywords: [],
    minLength: 32,
    pattern: /^[0-9a-f]{32}(?:[0-9a-f]{8})?$/,
    // 32 hex characters are also MD5 hashes and ids: only with a Datadog hint nearby.
    validate: nearby(DATADOG_HINT),
  },
  {
    id: 'newrelic-user-key',
    provider: 'New Relic',
    name: 'New Relic user API key',
    envName: 'NEW_RELIC_API_KEY',
    keywords: ['NRAK-'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9])NRAK-[A-Za-z0-9]{27}(?![A-Za-z0-9])/,
    validate: (token) => hasDigitAndLetter(token.slice(5)),
  },
  {
    id: 'newrelic-insights-key',
    provider: 'New Relic',
    name: 'New Relic Insights insert or query key',
    envName: 'NEW_RELIC_INSIGHTS_KEY',
    keywords: ['NRII-', 'NRIQ-'],
    minLength: 30,
    pattern: /(?<![A-Za-z0-9])NRI[IQ]-[A-Za-z0-9_-]{25,32}(?![A-Za-z0-9_-])/,
    validate: (token) => hasDigitAndLetter(token.slice(5)),
  },
  {
    id: 'newrelic-license-key',
    provider: 'New Relic',
    name: 'New Relic license key',
    envName: 'NEW_RELIC_LICENSE_KEY',
    keywords: ['NRAL'],
    minLength: 40,
    // 40 characters ending in `NRAL`: 36 hex, or 32 hex (`eu01xx` + 26 in the EU region) and `FFFF`.
    pattern: /(?<![A-Za-z0-9])(?:[a-f0-9]{36}|(?:[a-f0-9]{32}|eu01xx[a-f0-9]{26})FFFF)NRAL(?![A-Za-z0-9])/,
  },
  {
    id: 'posthog-project-key',
    provider: 'PostHog',
    name: 'PostHog project API key',
    envName: 'POSTHOG_KEY',
    keywords: ['phc_'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9_])phc_[A-Za-z0-9]{40,50}(?![A-Za-z0-9])/,
    publicReason: 'it only lets clients send events to the project',
  },
  {
    id: 'posthog-personal-key',
    provider: 'PostHog',
    name: 'PostHog personal API key',
    envName: 'POSTHOG_PERSONAL_API_KEY',
    keywords: ['phx_'],
    minLength: 47,
    pattern: /(?<![A-Za-z0-9_])phx_[A-Za-z0-9_]{43,50}(?![A-Za-z0-9_])/,
    validate: (token) => looksRandomMixedCase(token.slice(4)),
  },
  {
    id: 'mapbox-public-token',
    provider: 'Mapbox',
    name: 'Mapbox public token',
    envName: 'MAPBOX_TOKEN',
    keywords: ['pk.eyJ'],
    minLength: 50,
    pattern: /(?<![A-Za-z0-9_.-])pk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
    publicReason: 'public tokens are meant for browser maps; restrict it to your URLs',
  },
  {
    id: 'mapbox-secret-token',
    provider: 'Mapbox',
    name: 'Mapbox secret token',
    envName: 'MAPBOX_SECRET_TOKEN',
    keywords: ['sk.eyJ'],
    minLength: 50,
    pattern: /(?<![A-Za-z0-9_.-])sk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'linear-api-key',
    provider: 'Linear',
    name: 'Linear API key',
    envName: 'LINEAR_API_KEY',
    keywords: ['lin_api_'],
    minLength: 48,
    pattern: /lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/,
  },
  {
    id: 'linear-oauth-token',
    provider: 'Linear',
    name: 'Linear OAuth access token',
    envName: 'LINEAR_ACCESS_TOKEN',
    keywords: ['lin_oauth_'],
    minLength: 50,
    pattern: /(?<![A-Za-z0-9_])lin_oauth_[A-Za-z0-9]{40,64}(?![A-Za-z0-9])/,
    validate: (token) => hasDigitAndLetter(token.slice(10)),
  },
  {
    id: 'notion-integration-token',
    provider: 'Notion',
    name: 'Notion integration token',
    envName: 'NOTION_TOKEN',
    keywords: ['ntn_', 'secret_'],
    minLength: 50,
    // `ntn_` + 11 digits + 35 alphanumerics; before 2024 `secret_` + 43 random mixed-case alphanumerics.
    pattern: /(?<![A-Za-z0-9_])(?:ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9])/,
    validate: (token) => looksRandomMixedCase(token.slice(token.indexOf('_') + 1)),
  },
  {
    id: 'sentry-auth-token',
    provider: 'Sentry',
    name: 'Sentry auth token',
    envName: 'SENTRY_AUTH_TOKEN',
    keywords: ['sntrys_', 'sntryu_'],
    minLength: 47,
    // User tokens: `sntryu_` + 64 hex, exactly. Org tokens: `sntrys_` + base64 JSON claims + `_` + a secret.
    pattern: /(?<![A-Za-z0-9_])(?:sntryu_[0-9a-f]{64}(?![A-Za-z0-9])|sntrys_eyJ[A-Za-z0-9+/=_]{40,}(?![A-Za-z0-9+/=_]))/,
  },
  {
    id: 'sentry-dsn',
    provider: 'Sentry',
    name: 'Sentry DSN',
    envName: 'SENTRY_DSN',
    keywords: ['sentry'],
    minLength: 50,
    pattern: /https?:\/\/[0-9a-f]{32}@[a-z0-9.-]*sentry[a-z0-9.-]*(?::[0-9]+)?\/[0-9]+/,
    allowRepetition: true,
    publicReason: 'its key only lets clients send events to the project',
  },
];
