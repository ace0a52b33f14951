// True and false samples for the tier-1 formats in ../secret-providers/cloud.ts, keyed by provider id. Test-only:
// see ./index.ts.
import type { SecretProviderSamples } from './shared';

export const CLOUD_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  'aws-access-key-id': {
    positive: ['AKIA' + 'KYTGIX6ICLORE23W', 'ASIA' + 'XX7DM7UKDDK4OWR3'],
    negative: ['AKIA' + 'IOSFODNN7EXAMPLE', 'AKIA' + 'KYTGIX6ICLORE23W5', 'AKIA' + 'kytgix6iclore23w', 'AKIA' + '18GHQ01KQ0PLKQ11'],
  },
  'aws-secret-access-key': {
    positive: [
      { value: 'r3a7AZDsfJ7vSp72aYOA' + 'NFsjUyR6pgUASt3f9XfK', sinkName: 'secretAccessKey' },
      { value: 'r3a7AZDsfJ7vSp72aYOA' + 'NFsjUyR6pgUASt3f9XfK', textBefore: "new s3client({ credentials: { accesskeyid: 'akia…', " },
    ],
    negative: [
      { value: 'r3a7AZDsfJ7vSp72aYOA' + 'NFsjUyR6pgUASt3f9XfK', sinkName: 'commitSha' },
      { value: 'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY', sinkName: 'awsSecretAccessKey' },
      { value: '34c8acdc211c245ec625' + '6438b9265791d24cce73', sinkName: 'awsSecret' },
    ],
  },
  // A web config's apiKey ships to every browser: told apart by the keys only that config has.
  'firebase-web-api-key': {
    positive: [
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'apiKey', textBefore: 'const firebaseconfig = {\n  apikey: ', textAfter: ",\n  authdomain: 'acme.firebaseapp.com'," },
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'apiKey', textBefore: 'initializeapp({ apikey: ', textAfter: ", projectid: 'acme-shop', appid: '1:81234567890:web:2d8s7f6g5h4j' })" },
    ],
    negative: [{ value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0c', textAfter: ", authdomain: 'acme.firebaseapp.com'" }],
  },
  'google-api-key': {
    positive: [
      'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6',
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', textBefore: 'const maps = new mapsclient({ key: ' },
      // Legacy Cloud Messaging server keys share the format and are secret: "firebase" nearby is not a web config.
      { value: 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6', sinkName: 'firebaseServerKey', textBefore: 'const firebase = admin.messaging(); ' },
    ],
    negative: ['AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti', '81234567890-' + 'k2d8s7f6g5h4j3k2l1.apps.googleusercontent.com'],
  },
  'google-oauth-client-secret': {
    positive: ['GOCSPX-' + 'DdS1F0r6XTRST90kNK9De83SgBKS'],
    negative: ['GOCSPX-' + 'DdS1F0r6', 'GOCSPX-<client-secret>'],
  },
  'digitalocean-token': {
    positive: ['dop_v1_' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2', 'doo_v1_' + 'fa9e43ee17f79f1c508921fc393dfb572062fdc6b1bc05638cb62c6786927b6c'],
    negative: ['dop_v1_' + '380ef8fd', 'dop_v2_' + '380ef8fdc8c58e094b652f983ac7bb38fa531612f5358bc69224654b0238f4c2'],
  },
  'heroku-api-key': {
    positive: ['HRKU-AA' + '4ROytF8p5XeI3d34MVE8xUGg9x56h2asVyhYBJQUG2WImjwVKYTH1Ro0VH'],
    negative: ['HRKU-' + '4ROytF8p5XeI', 'HRKU-' + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
