import { missingAuthErrorResponse } from '../../../rules/spec/missing-auth-error-response';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(missingAuthErrorResponse, {
  valid: [
    {
      name: 'OAS 3.0 YAML: 401 by $ref, 403 without content, 4XX; public operations are not checked',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - bearerAuth: []
paths:
  /a:
    get:
      responses:
        '200': { description: ok }
        '401': { $ref: '#/components/responses/Unauthorized' }
  /b:
    get:
      responses:
        '200': { description: ok }
        '403': { description: Forbidden }
  /c:
    get:
      responses:
        '200': { description: ok }
        4XX: { description: client error }
  /health:
    get:
      security: []
      responses:
        '200': { description: ok }
  /optional:
    get:
      security: [{}, { bearerAuth: [] }]
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  responses:
    Unauthorized: { description: Missing or invalid credentials }
`,
    },
    {
      name: 'trap: unquoted numeric 401 key and lower-case 4xx (OAS 3.1 YAML); no security at all is not this rule',
      code: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /open:
    get:
      responses:
        '200': { description: ok }
  /a:
    get:
      security: [{ key: [] }]
      responses:
        200: { description: ok }
        401: { description: no }
  /b:
    get:
      security: [{ key: [] }]
      responses:
        200: { description: ok }
        4xx: { description: no }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
`,
    },
    {
      name: 'OAS 2.0 JSON: 401 with only a description (Swagger 2.0 has no content)',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "securityDefinitions": { "key": { "type": "apiKey", "in": "header", "name": "X-Key" } },
  "security": [{ "key": [] }],
  "paths": { "/pets": { "get": { "responses": { "200": { "description": "ok" }, "401": { "description": "no" } } } } }
}
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: secured by the root, no 401/403/4XX; 404 and 500 do not count',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - bearerAuth: []
paths:
  /orders/{id}:
    get:
      responses:
        '200': { description: ok }
        '404': { description: not found }
        '500': { description: oops }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
      errors: [
        {
          messageId: 'missingAuthError',
          message: 'GET /orders/{id} requires authentication but documents no 401, 403 or 4XX response: clients have no contract for a rejected credential, and tests built from the spec never check the rejection.',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 16,
          severity: 'warning',
        },
      ],
      // Statuses stay in order; the components are created beside the security schemes.
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
security:
  - bearerAuth: []
paths:
  /orders/{id}:
    get:
      responses:
        '200': { description: ok }
        '401':
          $ref: '#/components/responses/Unauthorized'
        '403':
          $ref: '#/components/responses/Forbidden'
        '404': { description: not found }
        '500': { description: oops }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  responses:
    Unauthorized:
      description: Unauthorized
    Forbidden:
      description: Forbidden
`,
    },
    {
      name: 'OAS 3.1 JSON: `default` alone does not count, and lowers the finding to information',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/charges": {
      "post": {
        "security": [{ "basicAuth": [] }],
        "responses": { "200": { "description": "ok" }, "default": { "description": "Error" } }
      }
    }
  },
  "components": { "securitySchemes": { "basicAuth": { "type": "http", "scheme": "basic" } } }
}
`,
      errors: [
        {
          messageId: 'onlyDefault',
          message: 'POST /charges requires authentication but documents a rejected credential only through `default`: say which status a missing or expired credential gets (401) and a refused one (403).',
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 20,
          severity: 'info',
        },
      ],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/charges": {
      "post": {
        "security": [{ "basicAuth": [] }],
        "responses": { "200": { "description": "ok" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Forbidden" }, "default": { "description": "Error" } }
      }
    }
  },
  "components": { "securitySchemes": { "basicAuth": { "type": "http", "scheme": "basic" } }, "responses": { "Unauthorized": { "description": "Unauthorized" }, "Forbidden": { "description": "Forbidden" } } }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: operation-level security, responses through a path item $ref in another file (reported at the $ref)',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
securityDefinitions:
  key: { type: apiKey, in: header, name: X-Key }
paths:
  /pets:
    $ref: './pets.yaml'
`,
      files: {
        'pets.yaml': `get:
  security:
    - key: []
  responses:
    200: { description: ok }
`,
      },
      errors: [{ messageId: 'missingAuthError', line: 7, column: 5, endLine: 7, endColumn: 24 }],
      // The fix edits the file that holds the operation; no shared responses or definitions: inline responses.
      output: `swagger: '2.0'
info: { title: t, version: '1' }
securityDefinitions:
  key: { type: apiKey, in: header, name: X-Key }
paths:
  /pets:
    $ref: './pets.yaml'
`,
      outputFiles: {
        'pets.yaml': `get:
  security:
    - key: []
  responses:
    200: { description: ok }
    '401':
      description: Unauthorized
    '403':
      description: Forbidden
`,
      },
    },
    {
      name: 'OAS 3.0 YAML: a secured operation without any responses is reported at its method',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    put:
      security: [{ key: [] }]
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
`,
      errors: [{ messageId: 'missingAuthError', line: 5, column: 5, endLine: 5, endColumn: 8 }],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    put:
      security: [{ key: [] }]
      responses:
        '401':
          $ref: '#/components/responses/Unauthorized'
        '403':
          $ref: '#/components/responses/Forbidden'
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Key }
  responses:
    Unauthorized:
      description: Unauthorized
    Forbidden:
      description: Forbidden
`,
    },
    {
      name: 'OAS 3.0 YAML: the fix references existing components whose description or name says so',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    get:
      security: [{ key: [] }]
      responses:
        200:
          description: ok
        default:
          $ref: '#/components/responses/Error'
components:
  responses:
    Error: { description: Something went wrong }
    AuthRequired: { description: The caller is not authenticated }
    Error403: { description: No }
`,
      errors: [{ messageId: 'onlyDefault', line: 7, column: 7, endLine: 7, endColumn: 16, severity: 'info' }],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    get:
      security: [{ key: [] }]
      responses:
        200:
          description: ok
        '401':
          $ref: '#/components/responses/AuthRequired'
        '403':
          $ref: '#/components/responses/Error403'
        default:
          $ref: '#/components/responses/Error'
components:
  responses:
    Error: { description: Something went wrong }
    AuthRequired: { description: The caller is not authenticated }
    Error403: { description: No }
`,
    },
    {
      name: 'OAS 2.0 JSON: root `responses` created (before `definitions`) and referenced',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "securityDefinitions": { "key": { "type": "apiKey", "in": "header", "name": "X-Key" } },
  "security": [{ "key": [] }],
  "paths": { "/pets": { "get": { "responses": { "200": { "description": "ok" } } } } },
  "definitions": { "Pet": { "type": "object" } }
}
`,
      errors: [{ messageId: 'missingAuthError', line: 6, column: 34, endLine: 6, endColumn: 45 }],
      output: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "securityDefinitions": { "key": { "type": "apiKey", "in": "header", "name": "X-Key" } },
  "security": [{ "key": [] }],
  "paths": { "/pets": { "get": { "responses": { "200": { "description": "ok" }, "401": { "$ref": "#/responses/Unauthorized" }, "403": { "$ref": "#/responses/Forbidden" } } } } },
  "responses": {
    "Unauthorized": {
      "description": "Unauthorized"
    },
    "Forbidden": {
      "description": "Forbidden"
    }
  },
  "definitions": { "Pet": { "type": "object" } }
}
`,
    },
  ],
});
