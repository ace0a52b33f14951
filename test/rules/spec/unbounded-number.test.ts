import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isPageSizeName, unboundedNumber } from '../../../rules/spec/unbounded-number';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(unboundedNumber, {
  valid: [
    {
      name: 'OAS 3.0: maximum, enum, path parameters and response numbers',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /items/{id}:
    put:
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer } }
        - { name: limit, in: query, schema: { type: integer, maximum: 100 } }
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { stock: { type: integer, readOnly: true }, size: { type: integer, enum: [1, 2] } } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { total: { type: number } } }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: a page size is a warning (fix: 100), other numbers information; int32 and a boolean exclusiveMaximum are not bounds',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /items:
    get:
      parameters:
        - name: limit
          in: query
          schema:
            type: integer
            format: int32
            minimum: 1
        - name: page
          in: query
          schema: { type: integer, minimum: 1 }
        - name: id
          in: path
          required: true
          schema: { type: integer }
      responses:
        '200': { description: ok }
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                quantity: { type: integer, format: int32 }
                price: { type: number, exclusiveMaximum: true }
                rating: { type: integer, minimum: 1, maximum: 5 }
                size: { type: integer, enum: [1, 2, 3] }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { type: object, properties: { total: { type: number } } }
`,
      errors: [
        { messageId: 'unboundedNumber', message: 'Query parameter "limit" of GET /items is an integer without maximum: a client can send any value the type holds.', line: 10, column: 13, endLine: 10, endColumn: 17, severity: 'warning' },
        { messageId: 'unboundedNumber', line: 15, column: 21, endLine: 15, endColumn: 25, severity: 'info' },
        { messageId: 'unboundedNumber', message: '"quantity" in the request body of POST /items is an integer without maximum: a client can send any value the type holds.', line: 29, column: 29, endLine: 29, endColumn: 33, severity: 'info' },
        { messageId: 'unboundedNumber', message: '"price" in the request body of POST /items is a number without maximum: a client can send any value the type holds.', line: 30, column: 26, endLine: 30, endColumn: 30, severity: 'info' },
      ],
      output: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /items:
    get:
      parameters:
        - name: limit
          in: query
          schema:
            type: integer
            format: int32
            minimum: 1
            maximum: 100
        - name: page
          in: query
          schema: { type: integer, minimum: 1 }
        - name: id
          in: path
          required: true
          schema: { type: integer }
      responses:
        '200': { description: ok }
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                quantity: { type: integer, format: int32 }
                price: { type: number, exclusiveMaximum: true }
                rating: { type: integer, minimum: 1, maximum: 5 }
                size: { type: integer, enum: [1, 2, 3] }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { type: object, properties: { total: { type: number } } }
`,
    },
    {
      name: 'OAS 3.1 JSON: a nullable page size; a numeric exclusiveMaximum and const pass',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "Search", "version": "1" },
  "paths": {
    "/search": {
      "post": {
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "pageSize": { "type": ["integer", "null"] },
                  "score": { "type": "number", "exclusiveMaximum": 100 },
                  "boost": { "type": "number", "const": 1.5 }
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
      errors: [{ messageId: 'unboundedNumber', line: 13, column: 33, endLine: 13, endColumn: 39, severity: 'warning' }],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "Search", "version": "1" },
  "paths": {
    "/search": {
      "post": {
        "requestBody": {
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "pageSize": { "type": ["integer", "null"], "maximum": 100 },
                  "score": { "type": "number", "exclusiveMaximum": 100 },
                  "boost": { "type": "number", "const": 1.5 }
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
      name: 'OAS 2.0 YAML: a per_page query parameter (the parameter is its own schema)',
      code: `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      parameters:
        - name: per_page
          in: query
          type: integer
        - name: offset
          in: query
          type: integer
          maximum: 10000
      responses:
        '200': { description: ok }
`,
      errors: [{ messageId: 'unboundedNumber', message: 'Query parameter "per_page" of GET /pets is an integer without maximum: a client can send any value the type holds.', line: 9, column: 11, endLine: 9, endColumn: 15 }],
      output: `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      parameters:
        - name: per_page
          in: query
          type: integer
          maximum: 100
        - name: offset
          in: query
          type: integer
          maximum: 10000
      responses:
        '200': { description: ok }
`,
    },
    {
      name: 'the other numbers\' fix writes the general maximum option',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /items:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { price: { type: number, minimum: 0 } } }
      responses: { '201': { description: created } }
`,
      options: { maximum: 5000 },
      errors: [{ messageId: 'unboundedNumber', line: 9, column: 60, endLine: 9, endColumn: 64, severity: 'info' }],
      fixTitle: 'Add maximum: 5000 (then edit it to the real limit)',
      output: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /items:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { price: { type: number, minimum: 0, maximum: 5000 } } }
      responses: { '201': { description: created } }
`,
    },
  ],
});

describe('isPageSizeName', () => {
  it('knows page and batch sizes by their whole name', () => {
    for (const name of ['limit', 'per_page', 'pageSize', 'page_size', 'maxResults', 'top', 'count']) assert.equal(isPageSizeName(name), true, name);
    for (const name of ['page', 'offset', 'amount', 'quantity', 'price', 'maxReplicas', 'revisionHistoryLimit', 'restartCount', 'last_name', undefined]) assert.equal(isPageSizeName(name), false, String(name));
  });
});
