import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { apiKeyInQuery, isCredentialName } from '../../../rules/spec/api-key-in-query';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(apiKeyInQuery, {
  valid: [
    {
      name: 'OAS 3.0 YAML: header and cookie API keys; credential names in headers and paths',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /reset/{token}:
    post:
      parameters:
        - { name: token, in: path, required: true, schema: { type: string } }
        - { name: X-Api-Key, in: header, schema: { type: string } }
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    headerKey: { type: apiKey, in: header, name: X-API-Key }
    cookieKey: { type: apiKey, in: cookie, name: session }
`,
    },
    {
      name: 'trap: pagination tokens, tokenizer, password hints, session ids and CSRF tokens in the query',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/search": {
      "get": {
        "parameters": [
          { "name": "pageToken", "in": "query", "schema": { "type": "string" } },
          { "name": "next_page_token", "in": "query", "schema": { "type": "string" } },
          { "name": "continuationToken", "in": "query", "schema": { "type": "string" } },
          { "name": "tokenizer", "in": "query", "schema": { "type": "string" } },
          { "name": "passwordHint", "in": "query", "schema": { "type": "string" } },
          { "name": "sessionId", "in": "query", "schema": { "type": "string" } },
          { "name": "session", "in": "query", "schema": { "type": "string" } },
          { "name": "csrf_token", "in": "query", "schema": { "type": "string" } },
          { "name": "key", "in": "query", "schema": { "type": "string" } },
          { "name": "sort_key", "in": "query", "schema": { "type": "string" } },
          { "name": "auth_type", "in": "query", "schema": { "type": "string" } },
          { "name": "has_secret", "in": "query", "schema": { "type": "boolean" } },
          { "name": "hide_secret", "in": "query", "schema": { "type": "string" } },
          { "name": "token", "in": "query", "schema": { "type": "boolean" } },
          { "name": "auth", "in": "query", "content": { "application/json": { "schema": { "type": "integer" } } } }
        ],
        "responses": { "200": { "description": "ok" } }
      }
    }
  }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: apiKey in header; a body field named password is not in the URL',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
securityDefinitions:
  key: { type: apiKey, in: header, name: X-Key }
paths:
  /login:
    post:
      parameters:
        - { name: password, in: formData, type: string }
      responses:
        200: { description: ok }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: an apiKey scheme in the query; its parameter, repeated on the operation, is not reported again',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - queryKey: []
paths:
  /weather:
    get:
      parameters:
        - { name: api_key, in: query, schema: { type: string } }
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    queryKey:
      type: apiKey
      in: query
      name: api_key
`,
      errors: [
        {
          messageId: 'schemeInQuery',
          message: 'Security scheme "queryKey" sends its API key in the query string (`api_key`): URLs are logged by servers and proxies and leak through history and Referer headers; send it in a header.',
          line: 16,
          column: 11,
          endLine: 16,
          endColumn: 16,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'OAS 3.1 JSON: credential query parameters, path-level and operation-level',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/files/{id}/content": {
      "parameters": [{ "name": "access_token", "in": "query", "schema": { "type": "string" } }],
      "get": {
        "parameters": [
          { "name": "apiKey", "in": "query", "schema": { "type": "string" } },
          { "name": "client_secret", "in": "query", "schema": { "type": "string" } },
          { "name": "token", "in": "query", "schema": { "type": "string" } },
          { "name": "X-Api-Key", "in": "query", "schema": { "type": "string" } }
        ],
        "responses": { "200": { "description": "ok" } }
      }
    }
  }
}
`,
      errors: [
        {
          messageId: 'credentialParameter',
          message: 'Query parameter "access_token" of GET /files/{id}/content carries a credential in the URL: servers and proxies log it, and history and Referer headers leak it; send it in a header or the body.',
          line: 6,
          column: 32,
          endLine: 6,
          endColumn: 46,
        },
        { messageId: 'credentialParameter', line: 9, column: 21, endLine: 9, endColumn: 29 },
        { messageId: 'credentialParameter', line: 10, column: 21, endLine: 10, endColumn: 36 },
        { messageId: 'credentialParameter', line: 11, column: 21, endLine: 11, endColumn: 28 },
        { messageId: 'credentialParameter', line: 12, column: 21, endLine: 12, endColumn: 32 },
      ],
      output: null,
    },
    {
      name: 'OAS 2.0 YAML: a query apiKey scheme named `key`, and a password query parameter',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
securityDefinitions:
  key:
    type: apiKey
    in: query
    name: key
paths:
  /session:
    get:
      parameters:
        - name: password
          in: query
          type: string
        - name: secret
          in: query
          type: boolean
      responses:
        200: { description: ok }
`,
      errors: [
        { messageId: 'schemeInQuery', message: 'Security scheme "key" sends its API key in the query string (`key`): URLs are logged by servers and proxies and leak through history and Referer headers; send it in a header.', line: 6, column: 9, endLine: 6, endColumn: 14 },
        { messageId: 'credentialParameter', message: 'Query parameter "password" of GET /session carries a credential in the URL: servers and proxies log it, and history and Referer headers leak it; send it in a header or the body.', line: 12, column: 17, endLine: 12, endColumn: 25 },
      ],
    },
    {
      name: 'OAS 3.0 YAML: a shared $ref parameter is reported where it is defined',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    get:
      parameters: [{ $ref: '#/components/parameters/Token' }]
      responses:
        '200': { description: ok }
components:
  parameters:
    Token: { name: auth_token, in: query, schema: { type: string } }
`,
      errors: [{ messageId: 'credentialParameter', line: 11, column: 20, endLine: 11, endColumn: 30 }],
    },
  ],
});

describe('isCredentialName', () => {
  it('reads names word by word', () => {
    for (const name of ['api_key', 'apikey', 'api-key', 'ApiKey', 'X-API-KEY', 'access_token', 'accessToken', 'token', 'id_token', 'refresh_token', 'password', 'new_password', 'passwd', 'secret', 'client_secret', 'auth', 'authorization', 'jwt', 'access_key', 'private_key', 'session_token', 'personalAccessToken']) {
      assert.equal(isCredentialName(name), true, name);
    }
    for (const name of ['tokenizer', 'pageToken', 'nextPageToken', 'continuationToken', 'sync_token', 'csrf_token', 'oauth_token', 'sessionId', 'session', 'key', 'idempotency_key', 'passwordHint', 'password_changed_at', 'auth_type', 'has_secret', 'hide_secret', 'secretary', 'signature', 'code', '']) {
      assert.equal(isCredentialName(name), false, name);
    }
  });
});
