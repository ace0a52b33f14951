import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { operationWithoutSecurity } from '../../../rules/spec/operation-without-security';
import { runSpecCase, runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(operationWithoutSecurity, {
  valid: [
    {
      name: 'OAS 3.0 YAML: operations inherit the root requirement',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - bearerAuth: []
paths:
  /orders:
    get:
      responses:
        '200': { description: ok }
    delete:
      responses:
        '204': { description: gone }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
    },
    {
      name: 'trap: root `security: []` overridden by the operation\'s own requirement',
      code: `openapi: 3.1.0
info: { title: t, version: '1' }
security: []
paths:
  /orders:
    post:
      security:
        - oauth: [orders:write]
      responses:
        '201': { description: created }
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials: { tokenUrl: 'https://auth.example.com/token', scopes: { 'orders:write': w } }
`,
    },
    {
      name: 'trap: a requirement of two schemes together (AND) is not anonymous',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.0.3",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/reports": {
      "parameters": [{ "name": "x", "in": "query", "schema": { "type": "string" } }],
      "summary": "not an operation",
      "x-internal": true,
      "get": { "security": [{ "apiKey": [], "appId": [] }], "responses": { "200": { "description": "ok" } } }
    }
  },
  "components": { "securitySchemes": {
    "apiKey": { "type": "apiKey", "in": "header", "name": "X-Key" },
    "appId": { "type": "apiKey", "in": "header", "name": "X-App" }
  } }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: root requirement applies to every operation',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
securityDefinitions:
  key: { type: apiKey, in: header, name: X-Key }
security:
  - key: []
paths:
  /pets:
    get:
      responses:
        200: { description: ok }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: no security on the operation nor at the root; the fix requires the only defined scheme',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /orders/{id}:
    delete:
      responses:
        '204': { description: gone }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
      errors: [
        {
          messageId: 'noSecurity',
          message: 'DELETE /orders/{id} has no security requirement (none on the operation, none at the root): anyone can call it.',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 11,
          severity: 'error',
        },
      ],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /orders/{id}:
    delete:
      security:
        - bearerAuth: []
      responses:
        '204': { description: gone }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
    },
    {
      name: 'OAS 3.0 YAML: a spec that documents no authentication anywhere gets one finding, at `paths`, not one per operation',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200': { description: ok }
    post:
      security: []
      responses:
        '201': { description: created }
  /pets/{id}:
    delete:
      responses:
        '204': { description: gone }
  /login:
    post:
      responses:
        '200': { description: ok }
`,
      errors: [
        {
          messageId: 'noAuthenticationDocumented',
          message: 'The spec documents no authentication at all (no security scheme, no requirement naming one): its 4 operations (GET /pets, POST /pets, DELETE /pets/{id}, …) read as callable by anyone. Define the scheme clients use and require it, or confirm the API is public.',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 6,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'OAS 3.0 YAML: the operation opts out with `security: []`',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - bearerAuth: []
paths:
  /orders:
    post:
      security: []
      responses:
        '201': { description: created }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
      errors: [
        {
          messageId: 'emptySecurity',
          message: 'POST /orders opts out of authentication with `security: []`: anyone can call it.',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 9,
        },
      ],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - bearerAuth: []
paths:
  /orders:
    post:
      security:
        - bearerAuth: []
      responses:
        '201': { description: created }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
    },
    {
      name: 'OAS 3.1 JSON: root `security: []` is inherited by every operation',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "security": [],
  "paths": {
    "/invoices": { "get": { "responses": { "200": { "description": "ok" } } } }
  },
  "components": { "securitySchemes": { "key": { "type": "apiKey", "in": "header", "name": "X-Key" } } }
}
`,
      errors: [
        {
          messageId: 'emptySecurity',
          message: 'GET /invoices opts out of authentication with `security: []` (inherited from the root): anyone can call it.',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 25,
        },
      ],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "security": [],
  "paths": {
    "/invoices": { "get": { "security": [{ "key": [] }], "responses": { "200": { "description": "ok" } } } }
  },
  "components": { "securitySchemes": { "key": { "type": "apiKey", "in": "header", "name": "X-Key" } } }
}
`,
    },
    {
      name: 'OAS 3.1 YAML: an anonymous `{}` alternative makes credentials optional',
      code: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /profile:
    get:
      security:
        - {}
        - bearerAuth: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
      errors: [
        {
          messageId: 'anonymousAllowed',
          message: 'GET /profile allows anonymous access: its security includes the empty requirement `{}`, so credentials are optional.',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 8,
        },
      ],
      // Beside a real requirement, the anonymous one is removed.
      output: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /profile:
    get:
      security:
        - bearerAuth: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
    },
    {
      name: 'OAS 2.0 JSON: anonymous `[{}]` at the root, inherited',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "securityDefinitions": { "petstore_auth": { "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a/x", "tokenUrl": "https://a/t", "scopes": { "write:pets": "w" } } },
  "security": [{}],
  "paths": { "/pets": { "put": { "responses": { "200": { "description": "ok" } } } } }
}
`,
      errors: [
        {
          messageId: 'anonymousAllowed',
          message: 'PUT /pets allows anonymous access: its security (inherited from the root) includes the empty requirement `{}`, so credentials are optional.',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 30,
        },
      ],
      // The operation gets its own requirement with the only defined scheme (scopes left for the author).
      output: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "securityDefinitions": { "petstore_auth": { "type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a/x", "tokenUrl": "https://a/t", "scopes": { "write:pets": "w" } } },
  "security": [{}],
  "paths": { "/pets": { "put": { "security": [{ "petstore_auth": [] }], "responses": { "200": { "description": "ok" } } } } }
}
`,
    },
    {
      name: 'OAS 3.0 YAML: the fix uses the scheme most operations require, before `responses`',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /orders:
    get:
      security:
        - apiKey: []
      responses:
        '200': { description: ok }
    post:
      security: [{ oauth: [write] }]
      responses:
        '201': { description: created }
  /orders/{id}:
    get:
      security:
        - oauth: [read]
      responses:
        '200': { description: ok }
    delete:
      summary: Delete an order
      responses:
        '204': { description: gone }
components:
  securitySchemes:
    apiKey: { type: apiKey, in: header, name: X-Key }
    oauth:
      type: oauth2
      flows:
        clientCredentials: { tokenUrl: 'https://a/t', scopes: { read: r, write: w } }
`,
      errors: [{ messageId: 'noSecurity', line: 20, column: 5, endLine: 20, endColumn: 11 }],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /orders:
    get:
      security:
        - apiKey: []
      responses:
        '200': { description: ok }
    post:
      security: [{ oauth: [write] }]
      responses:
        '201': { description: created }
  /orders/{id}:
    get:
      security:
        - oauth: [read]
      responses:
        '200': { description: ok }
    delete:
      summary: Delete an order
      security:
        - oauth: []
      responses:
        '204': { description: gone }
components:
  securitySchemes:
    apiKey: { type: apiKey, in: header, name: X-Key }
    oauth:
      type: oauth2
      flows:
        clientCredentials: { tokenUrl: 'https://a/t', scopes: { read: r, write: w } }
`,
    },
    {
      name: 'OAS 3.1 JSON: a lone anonymous `{}` is filled with the defined scheme',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/invoices": {
      "get": {
        "security": [{}],
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": { "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } } }
}
`,
      errors: [{ messageId: 'anonymousAllowed', line: 6, column: 7, endLine: 6, endColumn: 12 }],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/invoices": {
      "get": {
        "security": [{ "bearer": [] }],
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": { "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } } }
}
`,
    },
    {
      name: 'public by design: login, health, docs and an OAuth token endpoint under a basePath are information',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
basePath: /api/v1
paths:
  /auth/login:
    post:
      responses:
        200: { description: ok }
  /health:
    get:
      security: []
      responses:
        200: { description: ok }
  /oauth/token:
    post:
      security: [{}]
      responses:
        200: { description: ok }
  /docs:
    get:
      responses:
        200: { description: ok }
  /users/{id}/password:
    put:
      responses:
        200: { description: ok }
securityDefinitions:
  key: { type: apiKey, in: header, name: X-Key }
`,
      errors: [
        {
          messageId: 'publicByDesign',
          message: 'POST /auth/login is open to anyone (no security requirement); it looks public by design (login endpoint): check that it needs no authentication.',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 9,
          severity: 'info',
        },
        {
          messageId: 'publicByDesign',
          message: 'GET /health is open to anyone (`security: []`); it looks public by design (health check): check that it needs no authentication.',
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 8,
          severity: 'info',
        },
        {
          messageId: 'publicByDesign',
          message: 'POST /oauth/token is open to anyone (an anonymous `{}` requirement); it looks public by design (token endpoint (exchanges credentials)): check that it needs no authentication.',
          line: 15,
          column: 5,
          endLine: 15,
          endColumn: 9,
          severity: 'info',
        },
        {
          messageId: 'publicByDesign',
          message: 'GET /docs is open to anyone (no security requirement); it looks public by design (API documentation): check that it needs no authentication.',
          line: 20,
          column: 5,
          endLine: 20,
          endColumn: 8,
          severity: 'info',
        },
        // Changing a user's password is not a password reset request: an error.
        { messageId: 'noSecurity', line: 24, column: 5, endLine: 24, endColumn: 8, severity: 'error' },
      ],
    },
    {
      name: 'public by design, spec-only: the OAuth authorization endpoint and a sign-up verification link',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
servers:
  - url: https://api.example.com/v2
paths:
  /authorize:
    get:
      security: []
      responses:
        '302': { description: to the consent page }
  /registration/verify:
    get:
      security: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
`,
      errors: [
        { messageId: 'publicByDesign', message: 'GET /authorize is open to anyone (`security: []`); it looks public by design (OAuth authorization endpoint): check that it needs no authentication.', line: 7, column: 5, endLine: 7, endColumn: 8, severity: 'info' },
        { messageId: 'publicByDesign', message: 'GET /registration/verify is open to anyone (`security: []`); it looks public by design (sign-up verification link): check that it needs no authentication.', line: 12, column: 5, endLine: 12, endColumn: 8, severity: 'info' },
      ],
    },
  ],
});

describe('spec/operation-without-security fixes on operations public by design', () => {
  it('are offered, never preferred nor applied by "fix all"', () => {
    const { analysis } = runSpecCase(operationWithoutSecurity, {
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /auth/login:
    post:
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
    });
    const [finding] = analysis.findings;
    assert.equal(finding?.messageId, 'publicByDesign');
    assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.isPreferred, fix.safeForFixAll]), [['Require "bearerAuth" on POST /auth/login', false, false]]);
  });
});
