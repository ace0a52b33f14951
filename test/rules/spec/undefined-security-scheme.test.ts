import { undefinedSecurityScheme } from '../../../rules/spec/undefined-security-scheme';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(undefinedSecurityScheme, {
  valid: [
    {
      name: 'OAS 3.0: root and operation requirements name defined schemes',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - bearerAuth: []
paths:
  /users:
    get:
      security:
        - apiKey: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
    apiKey: { type: apiKey, in: header, name: X-API-Key }
`,
    },
    {
      name: 'anonymous requirement {} names no scheme',
      code: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /status:
    get:
      security: [{}]
      responses:
        '200': { description: ok }
`,
    },
    {
      name: 'OAS 2.0: securityDefinitions in another file through $ref',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
securityDefinitions:
  basic:
    $ref: './schemes.yaml#/basic'
security:
  - basic: []
paths: {}
`,
      files: { 'schemes.yaml': 'basic:\n  type: basic\n' },
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: operation names a scheme in the wrong case; fix uses the defined one',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users:
    get:
      security:
        - BearerAuth: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
    apiKey: { type: apiKey, in: header, name: X-API-Key }
`,
      errors: [
        {
          messageId: 'undefinedScheme',
          message: 'Security scheme "BearerAuth" is not defined in components.securitySchemes (defined: bearerAuth, apiKey): nothing says how GET /users is authenticated.',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 21,
        },
      ],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users:
    get:
      security:
        - bearerAuth: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
    apiKey: { type: apiKey, in: header, name: X-API-Key }
`,
    },
    {
      name: 'OAS 3.1 JSON: root security names a scheme when none is defined; no fix',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "security": [{ "oauth": ["read"] }],
  "paths": {}
}
`,
      errors: [
        {
          messageId: 'undefinedScheme',
          message: 'Security scheme "oauth" is not defined in components.securitySchemes (none are defined): nothing says how the API is authenticated.',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 25,
        },
      ],
      output: null,
    },
    {
      name: 'OAS 2.0 JSON: the only defined scheme is offered, keeping the JSON quotes',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "securityDefinitions": { "api_key": { "type": "apiKey", "in": "header", "name": "X-Key" } },
  "paths": {
    "/pets": {
      "get": { "security": [{ "apikey": [] }], "responses": { "200": { "description": "ok" } } }
    }
  }
}
`,
      errors: [{ messageId: 'undefinedScheme', line: 7, column: 31, endLine: 7, endColumn: 39 }],
      output: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "securityDefinitions": { "api_key": { "type": "apiKey", "in": "header", "name": "X-Key" } },
  "paths": {
    "/pets": {
      "get": { "security": [{ "api_key": [] }], "responses": { "200": { "description": "ok" } } }
    }
  }
}
`,
    },
  ],
});
