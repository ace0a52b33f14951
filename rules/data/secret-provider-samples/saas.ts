// True and false samples for the tier-1 formats in ../secret-providers/saas.ts, keyed by provider id. Test-only:
// see ./index.ts.
import type { SecretProviderSamples } from './shared';

export const SAAS_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  'stripe-secret-key': {
    positive: ['sk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'sk_live_51' + 'VdyM4oGppBhwpfnrcdjHqMl7PxfpQni0VYv0ikB1gDt5ZO0At5zPrszTMrvkDgRIXzgX'],
    negative: ['sk_live_' + '000000000000000000000000', 'sk_live_...'],
  },
  'stripe-restricted-key': {
    positive: ['rk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD'],
    negative: ['rk_live_' + 'Aru4Jl'],
  },
  // Test mode is still a credential (reported as a warning); placeholders and Stripe's own documentation keys are not.
  'stripe-test-secret-key': {
    positive: ['sk_test_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'sk_test_51' + 'OveMCPvenqsVWRkz9wuO8RVYmhQjzgAh7yEGTle3SORsusMm'],
    negative: ['sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_' + 'x'.repeat(24), 'sk_test_123', 'sk_test_' + '000000000000000000000000'],
  },
  'stripe-test-restricted-key': {
    positive: ['rk_test_' + '5FWqS0UW13SlKKby36dyp5qa'],
    negative: ['rk_test_' + '5FWqS0', 'rk_test_' + 'XXXXXXXXXXXXXXXXXXXXXXXX'],
  },
  // Same prefix as Stripe's; the body is the base64 of the instance's host and a `$`.
  'clerk-publishable-key': {
    positive: ['pk_test_' + 'cXVpZXQtb3dsLTEyLmNsZXJrLmFjY291bnRzLmRldiQ=', 'pk_live_' + 'Y2xlcmsuYWNtZXNob3AuZGV2JA=='],
    negative: ['pk_test_' + 'Y2xlcmsu'],
  },
  'stripe-publishable-key': {
    positive: ['pk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'pk_test_' + '4bsHQXGxF6C0HeuqrAFYEBeP'],
    negative: ['pk_test_' + 'TYooMQauvdEDq54NiTphI7jx', 'pk_live_' + 'XXXXXXXXXXXXXXXXXXXXXXXX', 'pk_live_' + '4bsHQX'],
  },
  'stripe-webhook-secret': {
    positive: ['whsec_' + 'K5WgDgixGnvPvlNEgbVlY0311NFGZ30M'],
    negative: ['whsec_' + '...', 'whsec_' + 'K5WgDgix'],
  },
  'slack-bot-token': {
    positive: ['xoxb-' + '2918273645' + '-' + '5647382910234' + '-' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
    negative: ['xoxb-' + 'your-bot-token', 'xoxb-' + '2918273645-' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
  },
  'slack-user-token': {
    positive: ['xoxp-' + '2918273645-5647382910-7584930211-' + '70ba5c2aea1ef32401715ae774e937b1'],
    negative: ['xoxp-' + '123', 'xoxp-' + 'token-goes-here-0000'],
  },
  'slack-app-token': {
    positive: ['xapp-1-' + 'A0123BCD4EF' + '-' + '5647382910234' + '-' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2'],
    negative: ['xapp-1-' + 'A0123BCD4EF-5647382910234'],
  },
  'slack-webhook': {
    positive: ['https://hooks.slack.com/services/' + 'TDFZ30ZP0AA/BNC9JLSU12K/' + 'biNXHDDIU0yx9QeRC9M0rimJ'],
    negative: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/'],
  },
  'twilio-api-key': {
    positive: ['SK' + 'fbec408565e0221a2a9a0d76a82ce4a3'],
    negative: ['AC' + 'fbec408565e0221a2a9a0d76a82ce4a3', 'TASK' + 'fbec408565e0221a2a9a0d76a82ce4a3', 'SK' + 'FBEC408565E0221A2A9A0D76A82CE4A3'],
  },
  'sendgrid-api-key': {
    positive: ['SG.' + 'Dos5irwtMSqNNVPEyYpUW-' + '.' + 'cO3H7npLDNV_WtFwBcW4FWoSEZuJMUPGiC78F11OAGR'],
    negative: ['SG.' + 'Dos5irwtMSqNNVPEyYpUW-', 'SG.xxxxxxxx.yyyyyyyy'],
  },
  'mailgun-api-key': {
    positive: ['key-' + '7aaeeda0e47d878ad62b2cbef0e5689d'],
    negative: ['cache-key-' + '7aaeeda0e47d878ad62b2cbef0e5689d', 'key-' + '7aaeeda0', 'primary-key-column'],
  },
  'mailchimp-api-key': {
    positive: ['6a96fba72ac1d5e71071605bbd4bdf4a' + '-us21'],
    negative: ['6a96fba72ac1d5e71071605bbd4bdf4a', 'en-us', 'd59ab25f-en-us1'],
  },
  'shopify-token': {
    positive: ['shpat_' + '95b36a832bf5df34bca49554241cad4e', 'shpss_' + '95b36a832bf5df34bca49554241cad4e'],
    negative: ['shpat_' + '95b36a83', 'shpat_' + '<token>'],
  },
  'square-token': {
    positive: ['sq0atp-' + 'vvMfxZsOisb4Ce-7eXCKrY', 'sq0csp-' + '-5dMzKv9iMQZfSPS-nwIGn_ohgjTEc1oj9ygVjQ05gm', 'EAAA' + 'u8SxORrBnH78mXoroWmgMpdLXzHFRXOn-K3hQS2cjso6_Hk35-7j5zhb0Fdu'],
    negative: ['sq0idp-' + 'vvMfxZsOisb4Ce-7eXCKrY', 'EAAA' + 'u8SxORrBnH78'],
  },
  'discord-bot-token': {
    positive: ['ODEyMzQ1Njc4OTAxMjM0NTY3' + '.ZAGGeA.' + 'oKy1MAV_XcrMQWF_ycRQL1Eh-bj'],
    negative: ['MzQ1Njc4OTAxMjM0NTY3YWJj' + '.ZAGGeA.' + 'oKy1MAV_XcrMQWF_ycRQL1Eh-bj', 'NotAToken.abcdef.ghijklmnopqrstuvwxyz0123456'],
  },
  'discord-webhook': {
    positive: ['https://discord.com/api/webhooks/' + '812345678901234567/' + 'zYwbHJbhJ4ev5sHOnETmhB2sfzhxO9-1gbGtNE9jISPcPAEwvzAj6ZcSN_O6wMxc10Nq'],
    negative: ['https://discord.com/api/webhooks/' + '{id}/{token}'],
  },
  'telegram-bot-token': {
    positive: ['7391028465' + ':AA' + 'NUxSF68KPY1O0Tlj1Mpbm_6FI_BUGwUYQ'],
    negative: ['7391028465' + ':AA' + 'NUxSF68', 'https://api.telegram.org/bot<token>/getMe'],
  },
  // Only under a search-key name with an Algolia hint: the same 32 hex characters are also admin keys and hashes.
  'algolia-search-key': {
    positive: [{ value: '8167de5ad138638c' + '96217ce17511cb08', sinkName: 'algoliaSearchKey' }, { value: '8167de5ad138638c' + '96217ce17511cb08', sinkName: 'searchOnlyApiKey', textBefore: "const client = algoliasearch('latency', " }],
    negative: [{ value: '8167de5ad138638c' + '96217ce17511cb08', sinkName: 'searchKey' }, { value: '8167de5ad138638c' + '96217ce17511cb08', sinkName: 'algoliaAdminKey' }],
  },
  'datadog-api-key': {
    positive: [{ value: 'd59ab25f3101b46fd5deec38db7936a1', sinkName: 'datadogApiKey' }, { value: 'd59ab25f3101b46fd5deec38db7936a1', textBefore: 'process.env.dd_api_key = ' }],
    negative: [{ value: 'd59ab25f3101b46fd5deec38db7936a1', sinkName: 'etag' }, { value: 'd59ab25f3101b46fd5deec38db7936a1' }],
  },
  'newrelic-user-key': {
    positive: ['NRAK-' + 'IT5KHC5MZYLMM1NVITZUA7HYGLN'],
    negative: ['NRAK-' + 'IT5KHC5M', 'NRJS-' + '7da5a2c7aeee24e85e8'],
  },
  'newrelic-license-key': {
    positive: ['7da5a2c7aeee24e85e89f1ea07db15e66ec9' + 'NRAL'],
    negative: ['7da5a2c7aeee' + 'NRAL', 'NRAL'],
  },
  'posthog-project-key': {
    positive: ['phc_' + 'stkuqiVxbpJ7BiBIeSlM7Jvt7esSnpWOxR7tTh7II2P'],
    negative: ['phc_' + 'stkuqiVxbpJ7', 'phc_' + 'X'.repeat(43)],
  },
  'mapbox-public-token': {
    positive: ['pk.eyJ1IjoiYWNtZSIsImEiOiJjbHgxMjM0NTY3ODkwIn0' + '.Zk3mW8pQ2rT6yU9iO0pA1s'],
    negative: ['pk.eyJ1IjoiYWNtZSJ9', 'mapbox://styles/acme/' + 'clx1234567890abcdefghijk'],
  },
  'linear-api-key': {
    positive: ['lin_api_' + '5PUGE77jzEe1Ssg9lEaifEM4UtVZvebioiXBnlXf'],
    negative: ['lin_api_' + '5PUGE77jz', 'lin_api_key'],
  },
  'sentry-auth-token': {
    positive: ['sntrys_' + 'rx5Y5C4UMn10v4FADypy4xPIu3g1VLoO3LU5BQ9GwWkJqKywb5iNcMj1yK6f'],
    negative: ['sntrys_' + 'rx5Y5C'],
  },
  // Public by design (it ships in browser bundles): information.
  'sentry-dsn': {
    positive: ['https://' + '70ba5c2aea1ef32401715ae774e937b1@o412345.ingest.sentry.io/5567890', 'https://' + '8167de5ad138638c96217ce17511cb08@sentry.acme-corp.net/12'],
    negative: ['https://sentry.io/organizations/acme/issues/', 'https://' + '70ba5c2aea1ef32401715ae774e937b@o412345.ingest.sentry.io/5567890'],
  },
};
