import { numericIdInPath } from '../../../rules/spec/numeric-id-in-path';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

const ADVICE = ': ids that count up can be enumerated, so every operation taking one must check that the caller may access that object (BOLA). Unguessable ids (UUIDs) make probing harder.';

runSpecRuleTests(numericIdInPath, {
  valid: [
    {
      name: 'OAS 3.0 YAML: UUID ids, non-id integers (year, page), a prefixed pattern, query ids, a numeric slug in the middle of the path',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, format: uuid } }
      responses: { '200': { description: ok } }
  /reports/{year}:
    get:
      parameters:
        - { name: year, in: path, required: true, schema: { type: integer } }
      responses: { '200': { description: ok } }
  /orders/{orderId}/pages/{page}:
    get:
      parameters:
        - { name: orderId, in: path, required: true, schema: { type: string, pattern: '^[A-Z]{3}-[0-9]+$' } }
        - { name: page, in: path, required: true, schema: { type: integer } }
      responses: { '200': { description: ok } }
  /items:
    get:
      parameters:
        - { name: item_id, in: query, schema: { type: integer } }
      responses: { '200': { description: ok } }
  /teams/{teamSlug}/members:
    get:
      parameters:
        - { name: teamSlug, in: path, required: true, schema: { type: integer } }
      responses: { '200': { description: ok } }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: a path-item id met by three operations is reported once, at its first definition',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema:
          type: integer
    get:
      responses: { '200': { description: ok } }
    delete:
      responses: { '204': { description: gone } }
  /users/{id}/avatar:
    put:
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
      responses: { '204': { description: ok } }
`,
      errors: [{ messageId: 'numericId', message: `Path parameter "id" of GET /users/{id} (and 2 more operations) is an integer${ADVICE}`, line: 6, column: 15, endLine: 6, endColumn: 17, severity: 'info' }],
      output: null,
    },
    {
      name: 'OAS 3.1 JSON: a digits-only last-segment parameter; a $ref\'d accountID with a type list',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/invoices/{invoiceNumber}": {
      "get": {
        "parameters": [{ "name": "invoiceNumber", "in": "path", "required": true, "schema": { "type": "string", "pattern": "^\\\\d+$" } }],
        "responses": { "200": { "description": "ok" } }
      }
    },
    "/accounts/{accountID}": {
      "get": {
        "parameters": [{ "$ref": "#/components/parameters/AccountId" }],
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": {
    "parameters": {
      "AccountId": { "name": "accountID", "in": "path", "required": true, "schema": { "type": ["number", "null"] } }
    }
  }
}
`,
      errors: [
        { messageId: 'numericId', message: `Path parameter "invoiceNumber" of GET /invoices/{invoiceNumber} is a digits-only string${ADVICE}`, line: 7, column: 34, endLine: 7, endColumn: 49 },
        { messageId: 'numericId', message: `Path parameter "accountID" of GET /accounts/{accountID} is a number${ADVICE}`, line: 20, column: 30, endLine: 20, endColumn: 41 },
      ],
    },
    {
      name: 'OAS 2.0 YAML: type on the parameter itself',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /pets/{pet_id}:
    get:
      parameters:
        - name: pet_id
          in: path
          required: true
          type: integer
          format: int64
      responses: { '200': { description: ok } }
`,
      errors: [{ messageId: 'numericId', message: `Path parameter "pet_id" of GET /pets/{pet_id} is an integer${ADVICE}`, line: 7, column: 17, endLine: 7, endColumn: 23 }],
    },
    {
      name: 'OAS 2.0 JSON: an unanchored digits pattern on a kebab-case id',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/orders/{order-id}": {
      "get": {
        "parameters": [{ "name": "order-id", "in": "path", "required": true, "type": "string", "pattern": "[0-9]{1,12}" }],
        "responses": { "200": { "description": "ok" } }
      }
    }
  }
}
`,
      errors: [{ messageId: 'numericId', line: 7, column: 34, endLine: 7, endColumn: 44 }],
    },
    {
      name: 'OAS 3.0 YAML: a bare id numbers the collection before it: users and posts are two findings, the users\' second operation counted',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses: { '200': { description: ok } }
  /users/{id}/posts:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses: { '200': { description: ok } }
  /posts/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses: { '200': { description: ok } }
`,
      errors: [
        { messageId: 'numericId', message: `Path parameter "id" of GET /users/{id} (and 1 more operation) is an integer${ADVICE}`, line: 6, column: 28, endLine: 6, endColumn: 30 },
        { messageId: 'numericId', message: `Path parameter "id" of GET /posts/{id} is an integer${ADVICE}`, line: 14, column: 28, endLine: 14, endColumn: 30 },
      ],
    },
  ],
});
