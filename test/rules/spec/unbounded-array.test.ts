import { unboundedArray } from '../../../rules/spec/unbounded-array';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(unboundedArray, {
  valid: [
    {
      name: 'OAS 3.0: maxItems, header arrays and response arrays',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /orders:
    post:
      parameters:
        - { name: X-Tags, in: header, schema: { type: array, items: { type: string } } }
        - { name: ids, in: query, schema: { type: array, maxItems: 20, items: { type: string, format: uuid } } }
      requestBody:
        content:
          application/json:
            schema: { type: array, maxItems: 10, items: { type: string, maxLength: 10 } }
      responses:
        '200':
          description: Every order, unpaged
          content:
            application/json:
              schema: { type: array, items: { type: object } }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: a query array, a nested array in a bounded one, unique items that are not from a fixed list; enum sets pass',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /orders:
    post:
      parameters:
        - name: ids
          in: query
          schema:
            type: array
            items: { type: string, format: uuid }
        - name: X-Tags
          in: header
          schema: { type: array, items: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                lines:
                  type: array
                  maxItems: 50
                  items:
                    type: object
                    properties:
                      codes: { type: array, items: { type: string, maxLength: 8 } }
                flags: { type: array, uniqueItems: true, items: { type: string, enum: [gift, rush] } }
                notes: { type: array, uniqueItems: true, items: { type: string, maxLength: 10 } }
      responses:
        '200':
          description: Every order id
          content:
            application/json:
              schema: { type: array, items: { type: string } }
`,
      errors: [
        { messageId: 'unboundedArray', message: 'Query parameter "ids" of POST /orders is an array without maxItems: a client can send any number of items.', line: 10, column: 13, endLine: 10, endColumn: 17, severity: 'warning' },
        { messageId: 'unboundedArray', message: '"lines[].codes" in the request body of POST /orders is an array without maxItems: a client can send any number of items.', line: 28, column: 32, endLine: 28, endColumn: 36 },
        { messageId: 'unboundedArray', message: '"notes" in the request body of POST /orders is an array without maxItems: a client can send any number of items.', line: 30, column: 26, endLine: 30, endColumn: 30 },
      ],
      output: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /orders:
    post:
      parameters:
        - name: ids
          in: query
          schema:
            type: array
            items: { type: string, format: uuid }
            maxItems: 100
        - name: X-Tags
          in: header
          schema: { type: array, items: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                lines:
                  type: array
                  maxItems: 50
                  items:
                    type: object
                    properties:
                      codes: { type: array, items: { type: string, maxLength: 8 } }
                flags: { type: array, uniqueItems: true, items: { type: string, enum: [gift, rush] } }
                notes: { type: array, uniqueItems: true, items: { type: string, maxLength: 10 } }
      responses:
        '200':
          description: Every order id
          content:
            application/json:
              schema: { type: array, items: { type: string } }
`,
    },
    {
      name: 'OAS 3.1 JSON: a nullable array; tuples, readOnly arrays and unique booleans pass',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "Maps", "version": "1" },
  "paths": {
    "/routes": {
      "put": {
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "start": { "type": "array", "prefixItems": [{ "type": "number" }, { "type": "number" }], "items": false },
                  "stops": { "type": ["array", "null"], "items": { "type": "string", "maxLength": 40 } },
                  "history": { "type": "array", "readOnly": true, "items": { "type": "string", "maxLength": 40 } },
                  "modes": { "type": "array", "uniqueItems": true, "items": { "type": "boolean" } }
                }
              }
            }
          }
        },
        "responses": { "200": { "description": "ok" } }
      }
    }
  }
}
`,
      errors: [{ messageId: 'unboundedArray', message: '"stops" in the request body of PUT /routes is an array without maxItems: a client can send any number of items.', line: 14, column: 30, endLine: 14, endColumn: 36 }],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "Maps", "version": "1" },
  "paths": {
    "/routes": {
      "put": {
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "start": { "type": "array", "prefixItems": [{ "type": "number" }, { "type": "number" }], "items": false },
                  "stops": { "type": ["array", "null"], "items": { "type": "string", "maxLength": 40 }, "maxItems": 100 },
                  "history": { "type": "array", "readOnly": true, "items": { "type": "string", "maxLength": 40 } },
                  "modes": { "type": "array", "uniqueItems": true, "items": { "type": "boolean" } }
                }
              }
            }
          }
        },
        "responses": { "200": { "description": "ok" } }
      }
    }
  }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: a csv query parameter (flow mapping) and an array body; path arrays pass',
      code: `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      parameters:
        - { name: tags, in: query, type: array, items: { type: string, maxLength: 10 }, collectionFormat: csv }
        - { name: ids, in: path, required: true, type: array, items: { type: integer, maximum: 1000 } }
      responses:
        '200': { description: ok }
    post:
      parameters:
        - name: pets
          in: body
          schema:
            type: array
            items: { $ref: '#/definitions/Pet' }
      responses:
        '201': { description: created }
definitions:
  Pet:
    type: object
    properties:
      name: { type: string, maxLength: 50 }
`,
      errors: [
        { messageId: 'unboundedArray', message: 'Query parameter "tags" of GET /pets is an array without maxItems: a client can send any number of items.', line: 7, column: 36, endLine: 7, endColumn: 40 },
        { messageId: 'unboundedArray', message: 'The request body of POST /pets is an array without maxItems: a client can send any number of items.', line: 16, column: 13, endLine: 16, endColumn: 17 },
      ],
      output: `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      parameters:
        - { name: tags, in: query, type: array, items: { type: string, maxLength: 10 }, collectionFormat: csv, maxItems: 100 }
        - { name: ids, in: path, required: true, type: array, items: { type: integer, maximum: 1000 } }
      responses:
        '200': { description: ok }
    post:
      parameters:
        - name: pets
          in: body
          schema:
            type: array
            items: { $ref: '#/definitions/Pet' }
      responses:
        '201': { description: created }
definitions:
  Pet:
    type: object
    properties:
      name: { type: string, maxLength: 50 }
`,
    },
  ],
});
