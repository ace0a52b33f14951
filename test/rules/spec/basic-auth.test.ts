import { basicAuth } from '../../../rules/spec/basic-auth';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(basicAuth, {
  valid: [
    {
      name: 'OAS 3.0 YAML: bearer, API key in a header, OAuth authorization code and client credentials, OpenID Connect',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths: {}
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer, bearerFormat: JWT }
    key: { type: apiKey, in: header, name: X-Key }
    oauth:
      type: oauth2
      flows:
        authorizationCode: { authorizationUrl: 'https://a.shop.io/auth', tokenUrl: 'https://a.shop.io/token', scopes: {} }
        clientCredentials: { tokenUrl: 'https://a.shop.io/token', scopes: {} }
    oidc: { type: openIdConnect, openIdConnectUrl: 'https://a.shop.io/.well-known/openid-configuration' }
`,
    },
    {
      name: 'trap: "basic" and "password" elsewhere — a scheme named basic, a description, an apiKey named password',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1", "description": "basic auth was removed; no password flow" },
  "paths": {},
  "components": { "securitySchemes": {
    "basic": { "type": "http", "scheme": "bearer", "description": "HTTP basic is not supported" },
    "password": { "type": "apiKey", "in": "header", "name": "X-Password" },
    "implicit": { "type": "oauth2", "flows": { "authorizationCode": { "authorizationUrl": "https://a/x", "tokenUrl": "https://a/t", "scopes": {} } } }
  } }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: OAuth accessCode and application flows',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
securityDefinitions:
  code: { type: oauth2, flow: accessCode, authorizationUrl: 'https://a/x', tokenUrl: 'https://a/t', scopes: {} }
  machine: { type: oauth2, flow: application, tokenUrl: 'https://a/t', scopes: {} }
paths: {}
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: HTTP basic, any case',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths: {}
components:
  securitySchemes:
    basicAuth:
      type: http
      scheme: Basic
`,
      errors: [
        {
          messageId: 'httpBasic',
          message: 'Security scheme "basicAuth" uses HTTP Basic authentication: the password travels with every request, can be replayed, and cannot carry scopes or expire; prefer tokens (OAuth 2, bearer) or API keys in a header.',
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 20,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'OAS 3.1 JSON: OAuth implicit and password flows, one finding each at the flow key',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {},
  "components": { "securitySchemes": { "oauth": { "type": "oauth2", "flows": {
    "implicit": { "authorizationUrl": "https://a/x", "scopes": {} },
    "authorizationCode": { "authorizationUrl": "https://a/x", "tokenUrl": "https://a/t", "scopes": {} },
    "password": { "tokenUrl": "https://a/t", "scopes": {} }
  } } } }
}
`,
      errors: [
        {
          messageId: 'implicitFlow',
          message: 'Security scheme "oauth" offers the OAuth 2 implicit flow: access tokens are returned in the URL and cannot be bound to the client (RFC 9700 says not to use it); use the authorization code flow with PKCE.',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 15,
        },
        {
          messageId: 'passwordFlow',
          message: 'Security scheme "oauth" offers the OAuth 2 password flow: the client handles the user\'s password (RFC 9700 says not to use it); use the authorization code flow, or client credentials for machines.',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 15,
        },
      ],
      output: null,
    },
    {
      name: 'OAS 2.0 YAML: type basic, and oauth2 flows implicit and password',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
securityDefinitions:
  basic:
    type: basic
  browser: { type: oauth2, flow: implicit, authorizationUrl: 'https://a/x', scopes: {} }
  legacy: { type: oauth2, flow: "password", tokenUrl: 'https://a/t', scopes: {} }
paths: {}
`,
      errors: [
        { messageId: 'httpBasic', line: 5, column: 11, endLine: 5, endColumn: 16 },
        { messageId: 'implicitFlow', line: 6, column: 34, endLine: 6, endColumn: 42 },
        { messageId: 'passwordFlow', line: 7, column: 33, endLine: 7, endColumn: 43 },
      ],
    },
    {
      name: 'OAS 2.0 JSON: a scheme defined in another file is reported at its $ref',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "securityDefinitions": { "basic": { "$ref": "./schemes.json#/basic" } },
  "paths": {}
}
`,
      files: { 'schemes.json': '{ "basic": { "type": "basic" } }\n' },
      errors: [{ messageId: 'httpBasic', line: 4, column: 37, endLine: 4, endColumn: 72 }],
    },
  ],
});
