import { secretInExample } from '../../../rules/spec/secret-in-example';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

// Secret-shaped samples are assembled from parts, so that scanners reading this file do not report it.
const GITHUB_TOKEN = 'gh' + 'p_R8kTq2WzP4mX7vN1bC5dF9hJ3sL6yA0eG2uK';
const STRIPE_LIVE_KEY = 'sk_' + 'live_4eC39HqLyjWDarjtT1zdp7dc8Zq';
const AWS_KEY_ID = 'AKIA' + 'Z3MSJV4WWNKWW5FQ';
const RANDOM_KEY = '9f8Kq2LmZx4TbV7n' + 'R1cWp3Yh6Jd0Sa5E';
const JWT_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const jwt = (claims: object) => `${JWT_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.KSDKgnu9v95WfSAV7kVcZj2xbKiiXDg2iyFL7tnJVKQ`;
const PEM_BODY = 'MIIEowIBAAKCAQEA' + 'QZThDffqC+si2ARELn8O80FHtafmObWYYPdnIPwNEVpd0kc72nnBHSJlhOzPkNv5';
const RISK = 'a secret published in an API description is compromised. Rotate it, then replace it with a placeholder.';

runSpecRuleTests(secretInExample, {
  valid: [
    {
      name: 'OAS 3.0 YAML: placeholders, masked values, test keys, documented AWS examples, ids and digests',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /things/{id}:
    get:
      parameters:
        - name: X-API-Key
          in: header
          schema: { type: string }
          example: YOUR_API_KEY
        - name: Authorization
          in: header
          schema: { type: string, default: Bearer <token> }
          example: Bearer xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        - name: id
          in: path
          required: true
          schema: { type: string, example: a8f5f167f44f4964e6c998dee827110c }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  password: { type: string, example: '********', default: changeme }
                  stripe_key: { type: string, example: sk_test_4eC39HqLyjWDarjtT1zdp7dc }
                  token: { type: string, example: '<your-token>' }
                  hashed_token: { type: string, example: 25f94a2a5c7fbaf499c665bc73d67c1c87e496da8985131633ee0a95819db2e8 }
                  aws_access_key_id: { type: string, example: AKIAIOSFODNN7EXAMPLE }
                  download: { type: string, example: 'https://s3.amazonaws.com/b/f.csv?X-Amz-Credential=${AWS_KEY_ID}/20240101/us-east-1/s3/aws4_request' }
                  session: { type: string, example: ${jwt({ sub: '1', exp: 1516239022 })} }
                  sandbox_secret: { type: string, example: sandbox-3TAU2CWVYBDVRHUCAAAI27ULU4 }
                  summary: { type: string, example: A token is issued per session and expires after an hour. }
`,
    },
    {
      name: 'OAS 3.1 JSON: examples lists and Example Objects holding placeholders; property names "default" and "example" are names',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {},
  "components": {
    "schemas": {
      "Settings": {
        "type": "object",
        "properties": {
          "default": { "type": "string", "examples": ["<api-key>", "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX"] },
          "example": { "type": "boolean", "default": false }
        }
      }
    },
    "examples": {
      "Login": { "summary": "A login", "value": { "username": "ada", "password": "hunter2", "api_key": "{{apiKey}}" } },
      "Remote": { "externalValue": "https://example.com/login.json" }
    }
  }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: empty and placeholder defaults, x-example placeholders, response examples by media type',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /login:
    post:
      parameters:
        - { name: password, in: formData, type: string, default: '' }
        - { name: api_key, in: header, type: string, x-example: REPLACE_ME }
      responses:
        '200':
          description: ok
          examples:
            application/json: { token: '<token>', refresh_token: '...' }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: a GitHub token in a response example; the fix replaces the token in place',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /login:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              example:
                # a session from the staging server
                token: ${GITHUB_TOKEN}
`,
      errors: [{ messageId: 'providerSecret', message: `A GitHub personal access token in an example of "token": ${RISK}`, line: 13, column: 24, endLine: 13, endColumn: 64 }],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /login:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              example:
                # a session from the staging server
                token: <redacted>
`,
    },
    {
      name: 'OAS 3.0 YAML: a random bearer token in a header example; the fix keeps the scheme',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /me:
    get:
      parameters:
        - name: Authorization
          in: header
          schema: { type: string }
          example: "Bearer ${RANDOM_KEY}"
      responses:
        '200': { description: ok }
`,
      errors: [
        {
          messageId: 'credentialExample',
          message: 'An example of "Authorization" holds a random-looking credential (32 characters), not a placeholder: if it was ever real, it is compromised. Rotate it, then replace it with a placeholder.',
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 61,
        },
      ],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /me:
    get:
      parameters:
        - name: Authorization
          in: header
          schema: { type: string }
          example: "Bearer <redacted>"
      responses:
        '200': { description: ok }
`,
    },
    {
      name: 'OAS 3.1 JSON: an Example Object value with a random API key and a JWT that never expires',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {},
  "components": {
    "examples": {
      "Client": { "summary": "A client", "value": { "name": "ci", "api_key": "${RANDOM_KEY}", "session": "${jwt({ sub: '4821', role: 'admin' })}" } }
    }
  }
}
`,
      errors: [
        { messageId: 'credentialExample', line: 7, column: 78, endLine: 7, endColumn: 112 },
        { messageId: 'providerSecret', message: `A JSON Web Token in an example of "session": ${RISK}`, line: 7, column: 125, endLine: 7, endColumn: 247 },
      ],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {},
  "components": {
    "examples": {
      "Client": { "summary": "A client", "value": { "name": "ci", "api_key": "<redacted>", "session": "${jwt({ sub: '4821', role: 'admin' })}" } }
    }
  }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: a password parameter with a default value; the fix keeps the single quotes',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /db/connect:
    post:
      parameters:
        - name: db_password
          in: formData
          type: string
          default: 'Pr0d-2024!'
      responses:
        '200': { description: ok }
`,
      errors: [
        {
          messageId: 'defaultCredential',
          message: '"db_password" has a default value: everyone who reads the spec knows it, and clients that omit it all share it. Remove the default (and rotate the credential if it is in use).',
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 32,
        },
      ],
      output: `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /db/connect:
    post:
      parameters:
        - name: db_password
          in: formData
          type: string
          default: '<redacted>'
      responses:
        '200': { description: ok }
`,
    },
    {
      name: 'OAS 2.0 JSON: an AWS access key id and a Stripe live key in x- extensions',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1", "x-deploy": { "aws_key": "${AWS_KEY_ID}" } },
  "paths": {},
  "x-stripe-key": "${STRIPE_LIVE_KEY}"
}
`,
      errors: [
        { messageId: 'providerSecret', message: `An AWS access key id in the x-deploy extension ("aws_key"): ${RISK}`, line: 3, column: 68, endLine: 3, endColumn: 90 },
        { messageId: 'providerSecret', message: `A Stripe live secret key in the x-stripe-key extension: ${RISK}`, line: 5, column: 19, endLine: 5, endColumn: 56 },
      ],
      output: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1", "x-deploy": { "aws_key": "<redacted>" } },
  "paths": {},
  "x-stripe-key": "${STRIPE_LIVE_KEY}"
}
`,
    },
    {
      name: 'OAS 3.0 YAML: a private key in a block scalar example; the fix replaces the whole value, keeping the block style',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    Deploy:
      type: object
      properties:
        pem:
          type: string
          example: |
            -----BEGIN RSA ${'PRIVATE'} KEY-----
            ${PEM_BODY}
            -----END RSA ${'PRIVATE'} KEY-----
        name: { type: string }
`,
      errors: [{ messageId: 'providerSecret', message: `A private key in an example of "pem": ${RISK}`, line: 11, column: 20, endLine: 14, endColumn: 42 }],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    Deploy:
      type: object
      properties:
        pem:
          type: string
          example: |-
            <redacted>
        name: { type: string }
`,
    },
    {
      name: 'OAS 3.0 YAML: a secret anchored once and aliased elsewhere is reported once, at the anchor',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    Session:
      properties:
        token: { type: string, example: &token ${GITHUB_TOKEN} }
    Refresh:
      properties:
        token: { type: string, example: *token }
`,
      errors: [{ messageId: 'providerSecret', line: 8, column: 48, endLine: 8, endColumn: 88 }],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    Session:
      properties:
        token: { type: string, example: &token <redacted> }
    Refresh:
      properties:
        token: { type: string, example: *token }
`,
    },
  ],
});
