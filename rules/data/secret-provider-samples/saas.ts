// True and false samples for the tier-1 formats in ../secret-providers/saas.ts, keyed by provider id. Test-only:
// see ./index.ts.
import type { SecretProviderSamples } from './shared';

export const SAAS_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  'stripe-secret-key': {
    positive: [
      'sk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD',
      'sk_live_51' + 'VdyM4oGppBhwpfnrcdjHqMl7PxfpQni0VYv0ikB1gDt5ZO0At5zPrszTMrvkDgRIXzgX',
      'sk_prod_' + 'Cz7sYeOVtshclrcHOBmIBQgJSGyrnp7aasIAyUaeDgfujJMcHoGzLH36OfcqsE94YFwmvHvUvUxF3WvLKL2YOltcg4BVB4OF8mu',
    ],
    negative: ['sk_live_' + '000000000000000000000000', 'sk_live_...', 'task_prod_' + 'Cz7sYeOVtshclrcHOBmIBQgJSGyrnp7a', 'sk_prod_' + 'Cz7sYeOV'],
  },
  'stripe-restricted-key': {
    positive: ['rk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD', 'rk_prod_' + '97zvsudxXNAoEGuUPZLlQjGmY3yqo7CKlfYPwBc4'],
    negative: ['rk_live_' + 'Aru4Jl', 'work_prod_' + '97zvsudxXNAoEGuUPZLlQjGmY3yqo7CKlfYPwBc4'],
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
  // Current and legacy two-part bot tokens, and a token cut short after its two ids; redacted and worded ones are not.
  'slack-bot-token': {
    positive: [
      'xoxb-' + '2918273645' + '-' + '5647382910234' + '-' + 'biNXHDDIU0yx9QeRC9M0rimJ',
      'xoxb-' + '2463088609' + '-' + '44yRnpELVZPcjyLTqBcOuVI9',
      'xoxb-' + '144007593' + '-' + 'MAHU0SwHKq6sq3ob4Qj2ZWO',
      'xoxb-' + '56214110362' + '-' + '5090415980635',
    ],
    negative: [
      'xoxb-' + 'your-bot-token',
      'xoxb-' + '12345-abcd234',
      'xoxb-' + '2463088609-' + 'YourSlackBotTokenGoesHere',
      'xoxb-' + '56214110362-5090415980635-' + '************************',
      'xoxb-' + 'BOT-SECRET',
    ],
  },
  'slack-user-token': {
    positive: [
      'xoxp-' + '2918273645-5647382910-7584930211-' + '70ba5c2aea1ef32401715ae774e937b1',
      'xoxp-' + '847444634596-335794602011-894363600810-' + '3edb5c6bdc04fe590ae01c22734094ac',
      'https://files.slack.com/files-pri/T0AB12CD3-F0AB12CD3/a.png?t=' + 'xoxe-' + '9440710530307-6592481714732-6212951490819-' + '5c2a8a31696ec6d9304f003570a009bd',
    ],
    // Ids of a few digits are made up; `####` after the ids is a redacted token.
    negative: [
      'xoxp-' + '123',
      'xoxp-' + 'token-goes-here-0000',
      'xoxp-' + '1234-1234-1234-' + '3edb5c6bdc04fe590ae01c22734094ac',
      'xoxp-' + '847444634596-335794602011-894363600810-' + '####################',
    ],
  },
  'slack-workspace-token': {
    positive: [
      'xoxa-' + '54158946515-94288338483-976246338701-' + 'adcdba2634b1a6a591f1d42378aa24dd',
      'xoxr-' + '395326761567-37814637689',
      'xoxa-2-' + '3tvdkd5v2cgnc8',
    ],
    negative: ['https://github.com/' + 'xoxa-nyc/xoxa-nyc.github.io', 'xoxr-' + 'refreshtoken', 'xoxa-' + '1-initial'],
  },
  'slack-legacy-token': {
    positive: [
      'xoxs-' + '0234948254-0303483758-7048630140-' + '33dc437614',
      'xoxs-' + '276913202355-406105171541-143489016971-' + '0b31c5fb5cf5f68267bae8113e2bd9e0d3b529d166a724bc4d27830250b7161f',
    ],
    negative: ['2018-250-' + 'xoxo-indieweb-1.jpg', 'xoxo-' + '34521098-720-516', 'xoxs-' + '0234948254-' + '33dc437614'],
  },
  'slack-config-token': {
    positive: [
      'xoxe.xoxp-1-' + '9uON1ON5G3kVG8SknpfFO9heVNZYWWbLV2WbXUyKDIXrvt5QlTWWyZFtnuCunfzvI7FasVElHOGck6P0YDoT1NjsVP4oowlY4bra768vPBs2Z2e8K8rYnVGB8cjuz2OunKv377vzlBhpb07z5o5ovEUGRGN0xuQB',
      'xoxe-1-' + 'VipvZ9RuvR6D9T4JjjwKJGAIPvUORm20yFGkfXKnJ8qdU7OhpOr4tTCEhaiN5HO0P31ta1dMIMJ07ifiyq5psY2o5aBvlxyiR8y7Ct0Uk1RRIdiDgBiEfV9IJnvFqbxUa23j0cLIjOBqsj8zrE',
    ],
    negative: ['xoxe.xoxp-1-' + 'SlackAppConfigurationAccessTokenHere', 'xoxe-1-' + 'xxx', 'xoxe.xoxp-1-' + 'initial'],
  },
  'slack-app-token': {
    positive: [
      'xapp-1-' + 'A0123BCD4EF' + '-' + '5647382910234' + '-' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2',
      'xapp-1-' + 'JBD0UR9A4Q' + '-' + '9017914478937' + '-' + '1583fc260c442b6527d432d2e1ed4e3399525520fc694d74b9b5193229f54eb9',
    ],
    negative: ['xapp-1-' + 'A0123BCD4EF-5647382910234', 'xapp-1-' + 'A0123BCD4EF-5647382910234-' + '<token>'],
  },
  // The path is the secret: services, workflows and triggers, with team ids of any length Slack has issued.
  'slack-webhook': {
    positive: [
      'https://hooks.slack.com/services/' + 'TDFZ30ZP0AA/BNC9JLSU12K/' + 'biNXHDDIU0yx9QeRC9M0rimJ',
      'http://hooks.slack.com/services/' + 'T0ZYK939/B2BUFX6M/' + 'Bg0CMIEgwNBk841GHDrOaxXJ',
      'https://hooks.slack.com/workflows/' + 'TPIHLH9YFYR/A5I4QZLVRIW/626330307518620274/' + 'vFQNCbygeGeS5PfbnTkPsBNV',
    ],
    negative: [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://hooks.slack.com/services/',
      'https://hooks.slack.com/services/' + 'TDFZ30ZP0AA/BNC9JLSU12K/' + 'your-webhook-secret-here',
    ],
  },
  'twilio-api-key': {
    positive: ['SK' + 'fbec408565e0221a2a9a0d76a82ce4a3'],
    negative: ['AC' + 'fbec408565e0221a2a9a0d76a82ce4a3', 'TASK' + 'fbec408565e0221a2a9a0d76a82ce4a3', 'SK' + 'FBEC408565E0221A2A9A0D76A82CE4A3'],
  },
  // Only next to a Twilio name or an account SID: alone, 32 hex characters are a hash.
  'twilio-auth-token': {
    positive: [
      { value: '2c8998a5799676eb' + '2a78516be8dc17c1', sinkName: 'twilioAuthToken' },
      { value: '2c8998a5799676eb' + '2a78516be8dc17c1', sinkName: 'token', textBefore: "const client = twilio('AC" + '6dc894516dc1c9a54bc23da3834b014f' + "', " },
    ],
    negative: [
      { value: '2c8998a5799676eb' + '2a78516be8dc17c1', sinkName: 'authToken' },
      { value: '2c8998a5799676eb' + '2a78516be8dc17c1', sinkName: 'etag', textBefore: 'const accountSid = ' },
      { value: 'AC' + '6dc894516dc1c9a54bc23da3834b014f', sinkName: 'twilioAccountSid' },
    ],
  },
  'sendgrid-api-key': {
    positive: [
      'SG.' + 'Dos5irwtMSqNNVPEyYpUW-' + '.' + 'cO3H7npLDNV_WtFwBcW4FWoSEZuJMUPGiC78F11OAGR',
      'SG.' + 'JFExKvPOmuUirTufI8O3N' + '.' + 'jrXObDEpKxD-qMDx8bJiJ6VrHSieLE6Q619kiLKpmt5O_',
    ],
    negative: ['SG.' + 'Dos5irwtMSqNNVPEyYpUW-', 'SG.xxxxxxxx.yyyyyyyy', 'SG.' + 'Dos5irwtMSqNNVPEyYpUW-' + '.' + 'cO3H7npLDNV'],
  },
  // Legacy keys are lower-case alphanumerics, not only hex; words and cache keys are not keys.
  'mailgun-api-key': {
    positive: ['key-' + '7aaeeda0e47d878ad62b2cbef0e5689d', 'key-' + '2b6pctvjtwke954wnvp35r46e3laf5cd'],
    negative: ['cache-key-' + '7aaeeda0e47d878ad62b2cbef0e5689d', 'key-' + '7aaeeda0', 'primary-key-column', 'key-' + 'thisisnotarealmailgunapikeyatall'],
  },
  'mailgun-private-key': {
    positive: ['4edd8ffc2647a3e1308a0dc3da79f409' + '-a291e684-c166ada2', '9b1e07c4d2a85f36e0c7b94d1a3f8e25' + '-5d0c3e9a-71f4b2c8'],
    negative: ['4edd8ffc2647a3e1308a0dc3da79f409' + '-a291e684', '4edd8ffc2647a3e1308a0dc3da79f409' + '-a291e684-c166ada2-9f1e', 'f0e4c2f7-6fd5-4a1c-9fcb-f1b1b4a3e6f2', '4EDD8FFC2647A3E1308A0DC3DA79F409' + '-A291E684-C166ADA2'],
  },
  // Public by design (client-side email validation): information.
  'mailgun-public-key': {
    positive: ['pubkey-' + 'ae2gmkz0s2rezgm3qhios9r3pwmolhnl', 'pubkey-' + '7aaeeda0e47d878ad62b2cbef0e5689d'],
    negative: ['pubkey-' + 'ae2gmkz0', 'pubkey-' + 'abcdefghijklmnopqrstuvwxyzabcdef'],
  },
  'mailchimp-api-key': {
    positive: ['6a96fba72ac1d5e71071605bbd4bdf4a' + '-us21'],
    negative: ['6a96fba72ac1d5e71071605bbd4bdf4a', 'en-us', 'd59ab25f-en-us1'],
  },
  'shopify-token': {
    positive: ['shpat_' + '95b36a832bf5df34bca49554241cad4e', 'shpss_' + '95b36a832bf5df34bca49554241cad4e', 'shpca_' + 'AZGcOhz3fvAHVwQqUpypyFtO9FSSOhka'],
    negative: ['shpat_' + '95b36a83', 'shpat_' + '<token>', 'shppa_' + 'YourPrivateAppAccessTokenGoesHere'.slice(0, 32)],
  },
  'square-token': {
    positive: ['sq0atp-' + 'vvMfxZsOisb4Ce-7eXCKrY', 'sq0atp-' + 'Omq4q8wDDvPhfb7wt_GZjCe_60DjYJXkjego3r9NbPUyhHmIcUrjk6FRL0', 'sq0csp-' + '-5dMzKv9iMQZfSPS-nwIGn_ohgjTEc1oj9ygVjQ05gm', 'EAAA' + 'u8SxORrBnH78mXoroWmgMpdLXzHFRXOn-K3hQS2cjso6_Hk35-7j5zhb0Fdu'],
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
    positive: ['NRAK-' + 'IT5KHC5MZYLMM1NVITZUA7HYGLN', 'NRAK-' + '32U9IDLKPV1HI9PB4H9PRZN6YYN'.toLowerCase()],
    negative: ['NRAK-' + 'IT5KHC5M', 'NRJS-' + '7da5a2c7aeee24e85e8', 'NRAK-' + 'NEWRELICUSERKEYGOESHEREPLSX'],
  },
  'newrelic-insights-key': {
    positive: ['NRII-' + 'neFKWCAXhUTJyvHdo6EE_WrJlS9P13_W', 'NRIQ-' + 'OkiXi3kBJY36-H210Wxo-ddpO'],
    negative: ['NRII-' + 'neFKWCAX', 'NRIQ-' + 'insights-query-key-for-prod', 'NRII-' + 'neFKWCAXhUTJyvHdo6EE_WrJlS9P13_Wx9'],
  },
  'newrelic-license-key': {
    positive: ['7da5a2c7aeee24e85e89f1ea07db15e66ec9' + 'NRAL', 'e2365d46c827f0e130fa573139efab75' + 'FFFFNRAL', 'eu01xx' + '2924a21fbd5d955536d3bfc1aa' + 'FFFFNRAL'],
    negative: ['7da5a2c7aeee' + 'NRAL', 'NRAL', 'e2365d46c827f0e130fa573139efab75' + 'NRAL', 'E2365D46C827F0E130FA573139EFAB75' + 'FFFFNRAL'],
  },
  'posthog-project-key': {
    positive: ['phc_' + 'stkuqiVxbpJ7BiBIeSlM7Jvt7esSnpWOxR7tTh7II2P'],
    negative: ['phc_' + 'stkuqiVxbpJ7', 'phc_' + 'X'.repeat(43)],
  },
  'posthog-personal-key': {
    positive: ['phx_' + 'qtAaZZLsWj9JU0QYmiFnrFp6cukaOE2flsXYJDz865P', 'phx_' + 'C4r_Tq9vLm2XwB7nYk0PzE5sJh8gDf3RaU6iOe1Kt_Wb'],
    negative: ['phx_' + 'qtAaZZLsWj9J', 'phx_' + 'personal_api_key_for_posthog_goes_here_now'],
  },
  'mapbox-public-token': {
    positive: ['pk.eyJ1IjoiYWNtZSIsImEiOiJjbHgxMjM0NTY3ODkwIn0' + '.Zk3mW8pQ2rT6yU9iO0pA1s'],
    negative: ['pk.eyJ1IjoiYWNtZSJ9', 'mapbox://styles/acme/' + 'clx1234567890abcdefghijk'],
  },
  'mapbox-secret-token': {
    positive: ['sk.eyJ1IjoiYWNtZSIsImEiOiJjbHg5cTJ3M2UwYWJjMTIzZGVmNDU2Z2hpIn0' + '.d12B3MbMrddot2QPwFnfEu', 'sk.eyJ1IjoiYWNtZSIsImEiOiJjbHgxMjM0NTY3ODkwIn0' + '.Zk3mW8pQ2rT6yU9iO0pA1s'],
    negative: ['sk.eyJ1IjoiYWNtZSJ9', 'task.eyJ1IjoiYWNtZSIsImEiOiJjbHg5cTJ3M2UwYWJjMTIzZGVmNDU2Z2hpIn0' + '.d12B3MbMrddot2QPwFnfEu'],
  },
  'linear-api-key': {
    positive: ['lin_api_' + '5PUGE77jzEe1Ssg9lEaifEM4UtVZvebioiXBnlXf'],
    negative: ['lin_api_' + '5PUGE77jz', 'lin_api_key'],
  },
  'linear-oauth-token': {
    positive: ['lin_oauth_' + '42d78beb5ee2104b64f8d1cc2c5c49c1f010f8cd6786cf1f5142de8203ab6ca0', 'Bearer ' + 'lin_oauth_' + '8a1f0c93be55d27e4c1b06f9a3d8e72c5f40b19d'],
    negative: ['lin_oauth_' + '42d78beb', 'lin_oauth_' + 'access_token_for_the_linear_workspace'],
  },
  // `ntn_` tokens since 2024, `secret_` before; a `secret_` identifier is not random mixed case.
  'notion-integration-token': {
    positive: ['ntn_' + '68230142314' + 'sl1BMgEITUQUITH8XPVbSZq4QmWLKycXW6D', 'secret_' + 'nY4M15OTgXRNCpNuCcI7mFPLy4MdWEJSeNTGXda09Nw'],
    negative: ['ntn_' + '12345678901abc', 'secret_' + 'access_key_for_the_notion_integration_page', 'ntn_' + '68230142314' + 'sl1BMgEITUQUITH8XPVb', 'secret_' + 'nY4M15OTgXRNCpNuCcI7mFPLy4MdWEJSeNTGXda09Nw' + 'Qx'],
  },
  'sentry-auth-token': {
    positive: [
      'sntrys_' + 'eyJpYXQiOjE3MDAwMDAwMDAsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwib3JnIjoiYWNtZSJ9' + '_' + 'rx5Y5C4UMn10v4FADypy4xPIu3g1VLoO3LU5BQ9GwWk',
      'sntryu_' + '3f9c2a7e81d04b6f5a2e9c0d7b1f4e8a' + '6c2d9f0e3b7a1c5d8e4f2a6b9c0d3e7f',
    ],
    // A user token is exactly 64 hex characters; an org token starts with its base64 JSON claims.
    negative: ['sntrys_' + 'rx5Y5C', 'sntryu_' + '3f9c2a7e81d04b6f5a2e9c0d7b1f4e8a' + '6c2d9f0e3b7a1c5d8e4f2a6b9c0d3e7', 'sntryu_' + '3f9c2a7e81d04b6f5a2e9c0d7b1f4e8a' + '6c2d9f0e3b7a1c5d8e4f2a6b9c0d3e7f1', 'sntrys_' + 'rx5Y5C4UMn10v4FADypy4xPIu3g1VLoO3LU5BQ9GwWkJqKywb5iNcMj1yK6f'],
  },
  // Public by design (it ships in browser bundles): information.
  'sentry-dsn': {
    positive: ['https://' + '70ba5c2aea1ef32401715ae774e937b1@o412345.ingest.sentry.io/5567890', 'https://' + '8167de5ad138638c96217ce17511cb08@sentry.acme-corp.net/12'],
    negative: ['https://sentry.io/organizations/acme/issues/', 'https://' + '70ba5c2aea1ef32401715ae774e937b@o412345.ingest.sentry.io/5567890'],
  },
};
