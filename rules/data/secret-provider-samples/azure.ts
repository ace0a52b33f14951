// True and false samples for the tier-1 formats in ../secret-providers/azure.ts, keyed by provider id. Test-only:
// see ./index.ts. Every value is random, made for these tests, and assembled by concatenation.
import type { SecretProviderSamples } from './shared';

export const AZURE_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  // The Cosmos DB emulator's published key is a development default, not a credential.
  'azure-cosmos-db-connection-string': {
    positive: [
      'AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=' + 'MjViV5/XQSt/0m1OKEuWiST0i0Cj1HjhYTMAZWr/c/pC' + 'orSuvdBV2khNP6dDgEj2wjyysHkLHJmgKRKCBmD2Sg==' + ';',
      'AccountEndpoint=https://acme-catalog.documents.azure.com:443/; AccountKey=' + 'A4OTgiw10AL8KW/SI2CrMQf0dZBGm5qm13vr9t9TwMWb' + 'YoVHzUjUh7oHf4sPAAVEoQxapWoTmTxZx5yEE7WOsA==',
    ],
    negative: [
      'AccountEndpoint=https://localhost:8081/;AccountKey=' + 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGy' + 'PMbIZnqyMsEcaGQy67XIw/Jw==',
      'AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=<primary-key>;',
      'AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=${COSMOS_KEY};',
    ],
  },
  'azure-storage-connection-string': {
    positive: [
      'DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=' + 'NeEFx2kWcM8+yWueMKkRYK6tivwsIi2jQFQfpwn9PdVcayvQxubQIo2Gtf41n+rYXm06H72eY/xwmquq32mha9' + '==;EndpointSuffix=core.windows.net',
      'AccountName=acmearchive;AccountKey=' + '5lv2OM6vgW4FvWpTycSPnsVlZejShaBn8GCVjxawqlHQ' + 'U28Jk36ycnv16Ac5Do99JgPlpD0aQoMLHpUh92QJ+g==' + ';EndpointSuffix=core.windows.net',
    ],
    negative: [
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=' + 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/' + 'K1SZFPTOtr/KBHBeksoGMGw==',
      'UseDevelopmentStorage=true',
      'DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=...;EndpointSuffix=core.windows.net',
    ],
  },
  'azure-shared-access-key': {
    positive: [
      'Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=' + 'xHW/hOfFpVd/vN0mzmA5ml' + 'Eq7wK9z5clztC/KryL5jg=',
      'HostName=acme-fleet.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=' + 'WGSJyQk1I4f5fNig5Le199' + 'wmKwLmojrxvT7d09kIdOw=',
    ],
    negative: [
      'Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
      'Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey={{SERVICEBUS_KEY}}',
      'Endpoint=sb://acme-orders.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=' + 'Zq4mT8vR2nW6yB1cK5hJ9pL3',
    ],
  },
  'azure-signalr-access-key': {
    positive: [
      'Endpoint=https://acme-chat.service.signalr.net;AccessKey=' + 'AgW3D7AM3FDs4ThuPv5Nzu' + 'rVVaSj7ZOavESlJufpL6k=' + ';Version=1.0;',
      'Endpoint=https://acme-live.webpubsub.azure.com;AccessKey=' + 'CIur8TnYsdZ7mmNtu8O1bYQm2TvOYmhfXK2OQRMBIe' + 'nh5BNevi0BJQQJ99GIGrVoCsycyKs929GpAWPSGK7r' + ';Version=1.0;',
    ],
    negative: [
      'Endpoint=https://acme-chat.service.signalr.net;AccessKey=<access-key>;Version=1.0;',
      // The local SignalR emulator's documented connection string.
      'Endpoint=http://localhost;Port=8888;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;',
    ],
  },
  'azure-communication-services-connection-string': {
    positive: [
      'endpoint=https://acme-calls.unitedstates.communication.azure.com/;accesskey=' + 'rmS7q7N0xqAGzofMwJB6enVlnojEQ8vpeu2cjh61GmgM' + 'TakG5t3iuSmSe4mkJ1tc6MJ6bmFgg24g7TpNI9WV4A==',
      'endpoint=https://acme-sms.communication.azure.com/;accesskey=' + 'h7s4CGkqzWP2AZhQzfQg7h6E55RREZL61IIUFQnBLM' + 'F4QfddxQzUJQQJ99pJwSgYWrOODHMHARtDAZCSqoCq',
    ],
    negative: [
      'endpoint=https://<acs-resource>.communication.azure.com/;accesskey=<access-key>',
      'endpoint=https://acme-calls.communication.azure.com/;accesskey=' + '${ACS_ACCESS_KEY}',
      'endpoint=https://acme-calls.communication.azure.com/',
    ],
  },
  'azure-cache-for-redis-connection-string': {
    positive: [
      'acme-sessions.redis.cache.windows.net:6380,password=' + 'MILJVWuRbsO40Io4F8LfbW' + 'QTO5puWsQpPW1bD6m44Lg=' + ',ssl=True,abortConnect=False',
      'acme-cache.redis.cache.windows.net,password=' + '0c5KDx5SdNolVO7gTJ4P6n' + '/hSg3lrRS92wkAJ0Efu78=',
    ],
    negative: [
      'acme-sessions.redis.cache.windows.net:6380,password=<access-key>,ssl=True,abortConnect=False',
      'acme-sessions.redis.cache.windows.net:6380,ssl=True,abortConnect=False',
      'localhost:6379,password=' + 'dev-redis-password',
    ],
  },
  'azure-app-configuration-connection-string': {
    positive: [
      'Endpoint=https://acme-settings.azconfig.io;Id=Qx7b-l9-s0:' + 'c3Vb8rTq1LmN;Secret=' + 'E2Dx5aQ8kt40IR6wQ3HZ9l4PmMCU2Skcyxk4KFlgjk' + 'q1ktaPgNN7JQQJ99AGHxJbWOyIr9ZxkoGiAZC2yIL2',
      'Endpoint=https://acme-flags.azconfig.io;Id=2f9K-l2-s0:Hh3kWq8z;Secret=' + 'soQNiswGUvPPcZGnCkz2Y5' + 'WCAjIsonFA9S9+QZwEN/Q=',
    ],
    negative: [
      'Endpoint=https://acme-settings.azconfig.io;Id=<id>;Secret=<secret>',
      'Endpoint=https://acme-settings.azconfig.io',
      'Endpoint=https://acme-settings.azconfig.io;Id=${APPCONFIG_ID};Secret=${APPCONFIG_SECRET}',
    ],
  },
  'azure-sas-token': {
    positive: [
      '?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-01-01T00:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig=' + '4AzSpUBPqpI3oKvL9mnzg0rN' + '66rL2Gk%2B0FIb5aibkac%3D',
      'https://acmeprod.blob.core.windows.net/reports/q3.pdf?sp=r&st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&spr=https&sv=2023-01-03&sr=b&sig=' + 'STnQTogQxdcPGZZmtsM%2F2N' + 'jLj3ovCmei4EzqZZzZ28A%3D',
      'SharedAccessSignature sr=acme-orders.servicebus.windows.net&sig=' + 'rhr%2F8d5Ec%2BFlhC92N%2BjF' + 'G5d948peEvzdVIVgzTfXmxg%3D' + '&se=1767225600&skn=RootManageSharedAccessKey',
    ],
    negative: [
      '?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2026-01-01T00:00:00Z&spr=https&sig=<signature>',
      // Another service's signed URL: no SAS version, no key name.
      'https://media.example.net/v/clip.mp4?expires=1767225600&sig=' + '4AzSpUBPqpI3oKvL9mnzg0rN' + '66rL2Gk%2B0FIb5aibkac%3D',
      '?sv=2022-11-02&sp=r&sig=%3Csignature%3E',
    ],
  },
  'azure-function-key-url': {
    positive: [
      'https://acme-orders.azurewebsites.net/api/ProcessOrder?code=' + '_HgDmLtMBg81neJ9GlJPkuFE4p2k' + 'B4dOGxT_VEHWyMKLwJyTzX0F5W==',
      'https://acme-hooks.azurewebsites.net/api/github/webhook?clientId=default&code=' + 'F0LeidKKbf7AAkI4r-X2yTJggsSs' + 'VhUQL0qajFdhAHPHioC92j0FXl==',
    ],
    negative: [
      'https://acme-orders.azurewebsites.net/api/ProcessOrder?code=<your-function-key>',
      'https://acme-orders.azurewebsites.net/api/health',
      'https://acme-orders.azurewebsites.net/api/ProcessOrder?code=' + 'abcdefghijklmnopqrstuvwxyzabcdef',
    ],
  },
  'azure-ad-client-secret': {
    positive: [
      '4OB8Q~RBS_dipvwA2Eb8' + '0IDAHukMULGJhiBfGc-c',
      'rpT7Q~96KVlKNLmmbM7' + 'i9Bj6HmQVsBvLlrq3b',
      'client_secret=' + '4OB8Q~RBS_dipvwA2Eb8' + '0IDAHukMULGJhiBfGc-c',
    ],
    negative: [
      'client_secret=Ab18Q~' + 'x'.repeat(34),
      // One character too many after `Q~`, as in a tilde-separated key list.
      '4~q8Q~' + '96KVlKNLmmbM7i9Bj6H' + 'mQVsBvLlrq3bKd7qZp' + ',AQACAAE',
      // Lower case only: an identifier with tildes, not a generated secret.
      'abc8Q~' + 'build-cache-entry-for-release-notes',
    ],
  },
  'azure-entra-refresh-token': {
    positive: [
      '0.ADFVpB99GU63PKguciVqYSJWka4x-zYQKR3WLJc_3PpOOdJpz' + 'N_XDs7naaJ_6JWdYM5sjxZbtP1Oa3RbV.AgBkESAfJBAnJCNIJ_' + 'hYW0ZeptFZQ_G4NF0WB1xfpv4saSC-5xiCdW19Y1W3DdjzVShdQ' + 'PmxotW56CpZSXRdet7Yrct5VzpoeDimFdAo8kJ8rJCmep3QcDv6' + 'Mpny2lBlYwqM-tO4uj9KcgzcZRTDjNUMIu8VdL9gVYj5YuAn27M' + 'U6GE_sV4nm5_kLR9v7F0KvYSXraGlckJwREPW9Bt1Gl443SEelc' + 'p0F7-YI4OwPiZXg3UiQHi2Fz3zWZnGMeQjI_ygcsoM6G7oQETjK' + 'j52XQ3QhZpngPRJAJL4i1MkHm2TWhlMR9j5_oIYjLurcX2tOO',
      '1.Az-1bB4aq0m-U9QXHxlzVr5XuUliKbkVGKQuLPLtxPG5mkpD7LtbKRzPPg' + '0rmDWutq25Jt2ux-claz2_7TNGrrtvAGa.0.AgdWDGpPv72T-dhcwn_6S74s' + 'OpYhpDEzIoz0K4S4_zcP-XCQWhhC76z1QzSakpAXcBtKcGw4vym0iUIWkDbs' + 'qGzrh0kIDh8Q0PYzsvjAS_q3c1uzLdxeP_OtiNxkHYoZdCUe_a0RkcJrYsc9' + 'U4aNn8O0SBeGOjQYi2AGPtCH_Ldg4owUiO2cvJauAHpYpq56HoZoEUUMz6xl' + 'tzozl7YCwpFO_a0HaCk6i8VB8rKESHfXGdzAewbktLueCzZ8Ray2iy6IwI7r' + '2REsyPEy5RiXRhijMWHut_8jV8-UEj7-NwKxi7IpAYz-ohh829YkRJcroUk8' + 'lsp7yEIc8_RHVbEr8O7QvpxFTqzeUK4OUV5ueKbCTcWqdE7CIGksTw9WHDQE' + 'sQ6s1LmkthVzNPas77.AJAmManZEo3Y1EnarP9QeoRpAkz8JPbmvkH3hmjoN' + 'Hul7yaRAls8JAsWCunVbq5oF4S_nkWNy-K_S9AE1GLSg_5FApBYu0DDme--O' + 'sKePnD2DK9SCNxnBfNZp1ES5IwefEyF7c69fHJLRD7i3deg8NFB6e0lcbYvg' + '1P0p_LYFKhJce5F5FAYV_VMA0ophU7N86-zhOgUfHqxUKq0-slD5aeHR4m96',
    ],
    negative: [
      '0.A' + 'DFVpB99GU63PKguciVqYSJWka4x-zYQKR3WLJc_3PpOO' + 'dJpzN_XDs7naaJ_6JWdYM5sjxZbtP1Oa3RbV.AgBkES' + '.Ag' + 'short',
      '0.AgAAAA' + 'placeholder-refresh-token',
      '<refresh-token>',
    ],
  },
  'azure-storage-account-key': {
    positive: [
      'qR72Mw6WlBefxPD9g6yJEO2bW38SSLtihQtLjOyzCZHq' + 'pWBnXoHAOc0f+LhoVLjlbfiyGOXn+6PY+AStNqxrnA==',
      'wPREGl8Y2k5p1uGTuh5I1R69/XG+ixXWt4YgGyfSEbaQ' + 'AfuddVe2ONFRC+rohQ2P6xJdtnSrNXdB+AStVPOekg==',
    ],
    negative: [
      'qR72Mw6WlBefxPD9g6yJEO2bW38SSLtihQtLjOyzCZHq' + 'pWBnXoHAOc0f+LhoVLjlbfiyGOXn+6PY+AStNqxrnB==',
      'qR72Mw6WlBefxPD9g6yJEO2bW38SSLtihQtLjOyzCZHq' + 'pWBnXoHAOc0f+LhoVLjlbfiyGO+AStXn+6PYNqxrnA==',
      'x'.repeat(76) + '+AStNqxrnA==',
    ],
  },
  'azure-cosmos-db-key': {
    positive: [
      '4OUjKPVWe3cZMiF/3a/yP5NK5zc9KXDegTShgziaUJxH' + 's5H886w57pztY8PBxugNI93w/1YRr3EjACDbiRD3cg==',
      'axFufmxkxW5kPUhEMRSubJQRpUq/09gj+jvozDDgphTW' + 'LpcTlftrkcZ514cV3S3AuMDCVGmEEQELACDbF7TAZQ==',
    ],
    negative: [
      '4OUjKPVWe3cZMiF/3a/yP5NK5zc9KXDegTShgziaUJxH' + 's5H886w57pztY8PBxugNI93w/1YRr3EjACDbiRD3cB==',
      '4OUjKPVWe3cZMiF/3a/yP5NK5zc9KXDegTShgziaUJxH' + 's5H886w57pztY8PBxugNI93w/1ACDbYRr3EjiRD3cg==',
      'x'.repeat(76) + 'ACDbiRD3cg==',
    ],
  },
  'azure-batch-key': {
    positive: [
      'KkS6ib7cP1x+vWuOHXEyreIlon0TLugZ27p5Bt5vtN1O' + '1ITM9Q19E9UdHFekz4auGlzDMEnivNq9+ABaBMhKHw==',
      '8TFLfDuhS5Nody7Lc+PnbaJigcKr2ifxz4WWxuo0+fHw' + 'uCt6shMNpo9PmxXZCcsivpCyKiDAd521+ABa23LgIQ==',
    ],
    negative: [
      'KkS6ib7cP1x+vWuOHXEyreIlon0TLugZ27p5Bt5vtN1O' + '1ITM9Q19E9UdHFekz4auGlzDMEnivNq9+ABaBMhKHB==',
      'KkS6ib7cP1x+vWuOHXEyreIlon0TLugZ27p5Bt5vtN1O' + '1ITM9Q19E9UdHFekz4auGlzDME+ABanivNq9BMhKHw==',
      'x'.repeat(76) + '+ABaBMhKHw==',
    ],
  },
  'azure-api-management-key': {
    positive: [
      '+uZtuPnBoamLGvd1dP1lXp3rE0zK1rrEoX8WoKPQfYC9' + 'gxj3sWyv2IPRJSUacm+GrD66eK3Vgo+EAPIMWn5BvA==',
      '3RjHhhoklejTEHxUt4V/EqLcB/VpyIy75K01UU9m1uHd' + 'qCbrwBa4P6wFJTx8VGUzk/SbvCpZP6L1APIMimsXuA==',
    ],
    negative: [
      '+uZtuPnBoamLGvd1dP1lXp3rE0zK1rrEoX8WoKPQfYC9' + 'gxj3sWyv2IPRJSUacm+GrD66eK3Vgo+EAPIMWn5BvB==',
      '+uZtuPnBoamLGvd1dP1lXp3rE0zK1rrEoX8WoKPQfYC9' + 'gxj3sWyv2IPRJSUacm+GrD66eKAPIM3Vgo+EWn5BvA==',
      'x'.repeat(76) + 'APIMWn5BvA==',
    ],
  },
  'azure-service-bus-key': {
    positive: [
      '0aBT/msLurXJqiWZUpTWae' + 'G1I1Lpa527g+ASbF1y00G=',
      '+8kQuPF11MUSIO+72xCyIF' + 'F5wOIa7DQF6+ASbCX67ut=',
    ],
    negative: [
      '0aBT/msLurXJqiWZUpTWae' + 'G1I1Lpa527g+ASbZ1y00G=',
      '0aBT/msLurXJqiWZUpTWae' + 'G1I1Lpa5+ASb27gF1y00G=',
      'x'.repeat(33) + '+ASbF1y00G=',
    ],
  },
  'azure-event-hubs-key': {
    positive: [
      '5ynNj3RVMXorsWuDnavMZs' + 'Rfr+ZoRJzu/+AEhLXHa+I=',
      'oxll7vRXG+Af/+0hVSJLKH' + 'Lf/uG10uQ5d+AEhLsjJmq=',
    ],
    negative: [
      '5ynNj3RVMXorsWuDnavMZs' + 'Rfr+ZoRJzu/+AEhZXHa+I=',
      '5ynNj3RVMXorsWuDnavMZs' + 'Rfr+ZoRJ+AEhzu/LXHa+I=',
      'x'.repeat(33) + '+AEhLXHa+I=',
    ],
  },
  'azure-relay-key': {
    positive: [
      'hR6C7fAvjUNckY8a2x54HM' + 'dKvh22NCzBf+ARmAroHEQ=',
      'A1uzZTCZ3qQjD4Ud2vMZRb' + 'i5FwQ54UmBA+ARmHFh+2p=',
    ],
    negative: [
      'hR6C7fAvjUNckY8a2x54HM' + 'dKvh22NCzBf+ARmZroHEQ=',
      'hR6C7fAvjUNckY8a2x54HM' + 'dKvh22NC+ARmzBfAroHEQ=',
      'x'.repeat(33) + '+ARmAroHEQ=',
    ],
  },
  'azure-iot-key': {
    positive: [
      'nvsQjAjWZmS5D+XqKxtkIl' + 'Tmijg88dZw9AIoTDT1Men=',
      'QN95Ha7M0OdgUjuSBG9xuw' + '4DoWWV9/ykNAIoTJBcp1y=',
    ],
    negative: [
      'nvsQjAjWZmS5D+XqKxtkIl' + 'Tmijg88dZw9AIoTZT1Men=',
      'nvsQjAjWZmS5D+XqKxtkIl' + 'Tmijg88dAIoTZw9DT1Men=',
      'x'.repeat(33) + 'AIoTDT1Men=',
    ],
  },
  'azure-cache-for-redis-key': {
    positive: [
      'kcdwzCjzT1wRqyep/VWErw' + 'KuhaWwaunyiAzCaF0MCM2=',
      '35U0ycW1C6zzDYr06uOq13' + 'uh7lgR1O0ZpAzCaP3mmOT=',
    ],
    negative: [
      'kcdwzCjzT1wRqyep/VWErw' + 'KuhaWwaunyiAzCaZ0MCM2=',
      'kcdwzCjzT1wRqyep/VWErw' + 'KuhaWwauAzCanyiF0MCM2=',
      'x'.repeat(33) + 'AzCaF0MCM2=',
    ],
  },
  'azure-event-grid-key': {
    positive: [
      'ZNLG1IbdVjuNcxsWuO5sTA' + 'wGYRUKuJy4DAZEGOftFLK=',
      '89Z8ozrRJiM4roprhxhWuL' + 'V4t0HwMGqQmAZEGAiy3BY=',
    ],
    negative: [
      'ZNLG1IbdVjuNcxsWuO5sTA' + 'wGYRUKuJy4DAZEGZftFLK=',
      'ZNLG1IbdVjuNcxsWuO5sTA' + 'wGYRUKuJAZEGy4DOftFLK=',
      'x'.repeat(33) + 'AZEGOftFLK=',
    ],
  },
  'azure-container-registry-password': {
    positive: [
      'c9Iuo4tqv/IDMp/1axJKtzp9Bi' + 'qQcKgHHfj/FU6EFe+ACRC+5VUq',
      'v1he+illOvFmlS/6HMBCC4VAKv' + 'D6EPkOCgYpVcGWwG+ACRCURS70',
    ],
    negative: [
      'c9Iuo4tqv/IDMp/1axJKtzp9Bi' + 'qQcKgHHfj/FU6EFe+ACRE+5VUq',
      'c9Iuo4tqv/IDMp/1axJKtzp9B' + 'iqQcKgHHfj/FU6E+ACRC+5VUq',
      'x'.repeat(42) + '+ACRC+5VUq',
    ],
  },
  'azure-search-key': {
    positive: [
      'joaLyemtSrI9wrAthxHlnqshyh' + 'Sh8FC6iz5BD6EWV7AzSeB9GKRu',
      'Ov9gVyjUEBZvGJFQQio11JSZkx' + 'vECETpIayzrjDdLMAzSeAXQTNi',
    ],
    negative: [
      'joaLyemtSrI9wrAthxHlnqshyh' + 'Sh8FC6iz5BD6EWV7AzSeQ9GKRu',
      'joaLyemtSrI9wrAthxHlnqsh' + 'yhSh8FC6iz5BD6AzSeAzSeB9',
      'x'.repeat(42) + 'AzSeB9GKRu',
    ],
  },
  'azure-function-key': {
    positive: [
      'E9ZnTsHTP5zRNExpe4DIdPA3N4tq' + 'i3D4VMs8k4XfV4OmAzFuG_jKLw==',
      'GdzKqdqSDllkmnFO-sSQI-3wtjHH' + 'eEyIY7_LnmCUr5mvAzFu8viJ4A==',
    ],
    negative: [
      'E9ZnTsHTP5zRNExpe4DIdPA3N4tq' + 'i3D4VMs8k4XfV4OmAzFuG_jKLB==',
      'E9ZnTsHTP5zRNExpe4DIdPA3N4tq' + 'i3D4VMs8k4XfAzFuV4OmG_jKLw==',
      'x'.repeat(44) + 'AzFuG_jKLw==',
    ],
  },
  'azure-ai-services-key': {
    positive: [
      'BTJV4ILSoLxiV2XmzxcYidwSeZmz39Atoy3REbonRf' + 'cGPJyRxw0nJQQJ99gBHHDsE651ZjdMPm7RACOGnsPH',
      '8AQhJM39C7nFVgjQIULIQCxuECEgCbaLeQYIhbfA2Q' + 'RpOS9qIhMZJQQJ99nE9V2NhHeXrZ9Te3LBACOGKV4a',
    ],
    negative: [
      'BTJV4ILSoLxiV2XmzxcYidwSeZmz39Atoy3REbonRf' + 'cGPJyRxw0nJQQJ98gBHHDsE651ZjdMPm7RACOGnsPH',
      'BTJV4ILSoLxiV2XmzxcYidwSeZmz39Atoy3REbon' + 'RfcGPJyRxw0nJQQJ99gBHHDsE651ZjdMPm7RACOG',
      'x'.repeat(52) + 'JQQJ99gBHHDsE651ZjdMPm7RACOGnsPH',
    ],
  },
  'azure-devops-pat': {
    positive: [
      'mtRBxgpkQuWu7eHi0VEhkTFpP1DwO3Gam4GdvJoNvp' + 'lGhST14bzRJQQJ999JawK2KbmZCfIoo7pzAZDOweJm',
      'UZDvpebXUQWLUKkmcDpfiyIPnDpiRZEumXSeVCD5He' + 'TCoUUBbK8kJQQJ99VF9kdJPuuNYDY1wob0AZDOtudl',
    ],
    negative: [
      'mtRBxgpkQuWu7eHi0VEhkTFpP1DwO3Gam4GdvJoNvp' + 'lGhST14bzRJQQJ989JawK2KbmZCfIoo7pzAZDOweJm',
      'mtRBxgpkQuWu7eHi0VEhkTFpP1DwO3Gam4GdvJoN' + 'vplGhST14bzRJQQJ999JawK2KbmZCfIoo7pzAZDO',
      'x'.repeat(52) + 'JQQJ999JawK2KbmZCfIoo7pzAZDOweJm',
    ],
  },
  'azure-common-annotated-key': {
    positive: [
      'E2Dx5aQ8kt40IR6wQ3HZ9l4PmMCU2Skcyxk4KFlgjk' + 'q1ktaPgNN7JQQJ99AGHxJbWOyIr9ZxkoGiAZC2yIL2',
      'CIur8TnYsdZ7mmNtu8O1bYQm2TvOYmhfXK2OQRMBIe' + 'nh5BNevi0BJQQJ99GIGrVoCsycyKs929GpAWPSGK7r',
    ],
    negative: [
      'E2Dx5aQ8kt40IR6wQ3HZ9l4PmMCU2Skcyxk4KFlgjk' + 'q1ktaPgNN7JQQJ98AGHxJbWOyIr9ZxkoGiAZC2yIL2',
      'E2Dx5aQ8kt40IR6wQ3HZ9l4PmMCU2Skcyxk4KFlg' + 'jkq1ktaPgNN7JQQJ99AGHxJbWOyIr9ZxkoGiAZC2',
      'x'.repeat(52) + 'JQQJ99AGHxJbWOyIr9ZxkoGiAZC2yIL2',
    ],
  },
  'azure-account-key': {
    positive: [
      { value: '314i5PAb1pwfSzBc1jwMz5JyfidGWigl0Vf0Iwaap/Ye' + 'xCnQc1Dh1VMz6/SrqVLxIdHPA0bCLamMc0pxOLOv/w==', sinkName: 'storageAccountKey' },
      { value: 'MjViV5/XQSt/0m1OKEuWiST0i0Cj1HjhYTMAZWr/c/pC' + 'orSuvdBV2khNP6dDgEj2wjyysHkLHJmgKRKCBmD2Sg==', textBefore: 'const credential = new StorageSharedKeyCredential("acmeprod", ' },
    ],
    negative: [
      { value: 'j9UiPFnqnR1Lijb3q51bE11WAK3dKN0AF4Pv/j3j1dVe' + 'bpJPNQPIR5YyKO36LnypDLZo0+ieP4rQoGRFEnfG6g==', sinkName: 'signature', textBefore: 'verify every signature in the batch: ' },
      { value: '+DaAnV6QGfYthK3zTXLPf1LAuzMbFwc4s7WtRAv1qr1C' + 'dki+2rv0+6Z0La3h4OtgpEaVxz+uuhzNkkEWvipkoQ==', sinkName: 'cached', textBefore: 'localStorage.setItem("session", ' },
      { value: 'A4OTgiw10AL8KW/SI2CrMQf0dZBGm5qm13vr9t9TwMWb' + 'YoVHzUjUh7oHf4sPAAVEoQxapWoTmTxZx5yEE7WOsA==', sinkName: 'digest' },
      { value: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/' + 'K1SZFPTOtr/KBHBeksoGMGw==', sinkName: 'accountKey' },
      { value: 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGy' + 'PMbIZnqyMsEcaGQy67XIw/Jw==', sinkName: 'cosmosKey' },
      { value: '5lv2OM6vgW4FvWpTycSPnsVlZejShaBn8GCVjxawqlHQ' + 'U28Jk36ycnv16Ac5Do99JgPlpD0aQoMLHpUh92QJ+B==', sinkName: 'accountKey' },
    ],
  },
  'azure-ai-services-legacy-key': {
    positive: [
      { value: 'd0c9ba1cfffff11f' + 'd548e31a8b1ea79d', sinkName: 'azureOpenAiKey' },
      { value: '701bab2044662dc8' + '1cc741abfa636967', textBefore: 'const client = new OpenAIClient(endpoint, new AzureKeyCredential(' },
      { value: '0f27de3418c62b47' + '1f06bf14ae7efc49', sinkName: 'apiKey', textAfter: ', endpoint: "https://acme-gpt.openai.azure.com"' },
    ],
    negative: [
      // An Application Insights instrumentation key (a GUID, here without dashes) is a telemetry id, not a credential.
      { value: '08e05bbab6dd4f70' + 'baf2a86909a9464b', sinkName: 'instrumentationKey', textBefore: 'appInsights.setup(' },
      { value: 'd0c9ba1cfffff11f' + 'd548e31a8b1ea79d', sinkName: 'contentMd5' },
      { value: '701BAB2044662DC8' + '1CC741ABFA636967', sinkName: 'azureOpenAiKey' },
      { value: '79054025255fb1a26e4bc422aef54eb4', sinkName: 'etag', textBefore: 'const blobUrl = "https://acme.blob.core.windows.net/x"; ' },
    ],
  },
  'azure-devops-pat-legacy': {
    positive: [
      { value: 'ajnnfqvur6lksi7djzr33l55h5' + 'o3h72h5bi4quyzkdjw22l2nfuk', sinkName: 'azureDevopsPat' },
      { value: 'syctgytbynnqn4mpbzv7jtzbvb' + 'thukjtkhb4umprvvmoerv2fstp', textBefore: 'await fetch("https://dev.azure.com/acme/_apis/projects", { headers: basicAuth("", ' },
    ],
    negative: [
      { value: 'bqgam4xwl5x5xrzfr3oflcrg32' + 'xqrfq2gc74wijgk4qrzaeuep2d', sinkName: 'slug' },
      { value: 'bqgam4xwl5x5xrzfr3of018932' + 'xqrfq2gc74wijgk4qrzaeuep2d', sinkName: 'azureDevopsPat' },
    ],
  },
  'azure-search-key-legacy': {
    positive: [
      { value: 'pOoJwFuseDBFIWsx6TTOmsnng4' + 'Fz88kX3KpENbqt5QgwEegC0Esv', sinkName: 'azureSearchAdminKey' },
      { value: 'icyfQvfekk5b2pzSOIo2KuUZlS' + 'RpdDlqE4aygsojnj7hehCxEDLP', textBefore: 'const client = new SearchClient("https://acme.search.windows.net", "products", new AzureKeyCredential(' },
    ],
    negative: [
      { value: 'CJkz9YHFyNvbcdibZYQbt37a1I' + 'gDpgAjksLGGTL7oWDSxqmQVzmH', sinkName: 'sessionId' },
      { value: 'cjkz9yhfynvbcdibzyqbt37a1i' + 'gdpgajkslggtl7owdsxqmqvzmh', sinkName: 'azureSearchKey' },
    ],
  },
};
