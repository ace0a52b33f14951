import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { patternBoundsLength, unboundedString } from '../../../rules/spec/unbounded-string';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(unboundedString, {
  valid: [
    {
      name: 'OAS 3.0: maxLength, enum, bounded patterns and formats, readOnly, binary uploads, path/header/cookie parameters and responses',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
    put:
      parameters:
        - { name: X-Request-Id, in: header, schema: { type: string } }
        - { name: session, in: cookie, schema: { type: string } }
        - { name: q, in: query, schema: { type: string, maxLength: 100 } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                name: { type: string, maxLength: 80 }
                country: { type: string, pattern: '^[A-Z]{2}$' }
                zip: { type: string, pattern: '^\\d{5}(-\\d{4})?$' }
                status: { type: string, enum: [active, paused] }
                id: { type: string, format: uuid }
                birthday: { type: string, format: date }
                seenAt: { type: string, format: date-time }
                ip: { type: string, format: ipv4 }
                etag: { type: string, readOnly: true }
                audit:
                  type: object
                  readOnly: true
                  properties:
                    note: { type: string }
          multipart/form-data:
            schema:
              type: object
              properties:
                avatar: { type: string, format: binary }
      responses:
        '200':
          description: The user, with a free-text bio
          content:
            application/json:
              schema: { type: object, properties: { bio: { type: string } } }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: a query parameter, email, unanchored or unbounded patterns, a nested property',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users:
    post:
      parameters:
        - name: q
          in: query
          schema: { type: string }
        - name: X-Trace
          in: header
          schema: { type: string }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                email: { type: string, format: email }
                nickname: { type: string, pattern: '[a-z]+' }
                handle: { type: string, pattern: '^[a-z]+$' }
                code: { type: string, pattern: '^a|b$' }
                address:
                  type: object
                  properties:
                    street:
                      type: string
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { bio: { type: string } } }
`,
      errors: [
        { messageId: 'unboundedString', message: 'Query parameter "q" of POST /users is a string without maxLength: a client can send a value of any size.', line: 9, column: 21, endLine: 9, endColumn: 25, severity: 'info' },
        { messageId: 'unboundedString', message: '"email" in the request body of POST /users is a string without maxLength: a client can send a value of any size.', line: 19, column: 26, endLine: 19, endColumn: 30 },
        { messageId: 'unboundedString', line: 20, column: 29, endLine: 20, endColumn: 33 },
        { messageId: 'unboundedString', line: 21, column: 27, endLine: 21, endColumn: 31 },
        { messageId: 'unboundedString', line: 22, column: 25, endLine: 22, endColumn: 29 },
        { messageId: 'unboundedString', message: '"address.street" in the request body of POST /users is a string without maxLength: a client can send a value of any size.', line: 27, column: 23, endLine: 27, endColumn: 27 },
      ],
    },
    {
      name: 'OAS 3.1 JSON: nullable type list; a shared component reported once, at the component, naming its first user',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "Notes", "version": "1" },
  "paths": {
    "/notes": {
      "post": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Note" } } } },
        "responses": { "201": { "description": "created" } }
      },
      "put": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Note" } } } },
        "responses": { "200": { "description": "updated" } }
      }
    }
  },
  "components": {
    "schemas": {
      "Note": {
        "type": "object",
        "properties": {
          "title": { "type": ["string", "null"], "maxLength": 200 },
          "body": { "type": ["string", "null"] },
          "tag": { "$ref": "#/components/schemas/Tag" },
          "slug": { "$ref": "#/components/schemas/Tag", "readOnly": true },
          "kind": { "const": "note", "type": "string" },
          "attachment": { "type": "string", "contentMediaType": "image/png", "contentEncoding": "base64" }
        }
      },
      "Tag": { "type": "string" }
    }
  }
}
`,
      errors: [
        { messageId: 'unboundedString', message: '"body" in the request body of POST /notes is a string without maxLength: a client can send a value of any size.', line: 22, column: 21, endLine: 22, endColumn: 27 },
        { messageId: 'unboundedString', message: '"tag" in the request body of POST /notes is a string without maxLength: a client can send a value of any size.', line: 29, column: 16, endLine: 29, endColumn: 22 },
      ],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "Notes", "version": "1" },
  "paths": {
    "/notes": {
      "post": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Note" } } } },
        "responses": { "201": { "description": "created" } }
      },
      "put": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Note" } } } },
        "responses": { "200": { "description": "updated" } }
      }
    }
  },
  "components": {
    "schemas": {
      "Note": {
        "type": "object",
        "properties": {
          "title": { "type": ["string", "null"], "maxLength": 200 },
          "body": { "type": ["string", "null"], "maxLength": 255 },
          "tag": { "$ref": "#/components/schemas/Tag" },
          "slug": { "$ref": "#/components/schemas/Tag", "readOnly": true },
          "kind": { "const": "note", "type": "string" },
          "attachment": { "type": "string", "contentMediaType": "image/png", "contentEncoding": "base64" }
        }
      },
      "Tag": { "type": "string" }
    }
  }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: a formData parameter (the parameter is its own schema) and a body property; file uploads and bounded query parameters pass',
      code: `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      consumes: [multipart/form-data]
      parameters:
        - name: name
          in: formData
          type: string
        - name: photo
          in: formData
          type: file
        - name: tag
          in: query
          type: string
          maxLength: 20
        - name: petId
          in: path
          required: true
          type: string
      responses:
        '201': { description: created }
    put:
      parameters:
        - name: body
          in: body
          schema:
            type: object
            properties:
              name: { type: string }
              color: { type: string, enum: [black, white] }
      responses:
        '200': { description: updated }
`,
      errors: [
        { messageId: 'unboundedString', message: 'Form parameter "name" of POST /pets is a string without maxLength: a client can send a value of any size.', line: 10, column: 11, endLine: 10, endColumn: 15 },
        { messageId: 'unboundedString', line: 31, column: 23, endLine: 31, endColumn: 27 },
      ],
      output: `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      consumes: [multipart/form-data]
      parameters:
        - name: name
          in: formData
          type: string
          maxLength: 255
        - name: photo
          in: formData
          type: file
        - name: tag
          in: query
          type: string
          maxLength: 20
        - name: petId
          in: path
          required: true
          type: string
      responses:
        '201': { description: created }
    put:
      parameters:
        - name: body
          in: body
          schema:
            type: object
            properties:
              name: { type: string }
              color: { type: string, enum: [black, white] }
      responses:
        '200': { description: updated }
`,
    },
    {
      name: 'OAS 3.0 YAML block: the fix adds maxLength after the last key, keeping the comment and indentation',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                bio:
                  type: string # free text
                  description: Shown on the profile
      responses:
        '201': { description: created }
`,
      errors: [{ messageId: 'unboundedString', line: 14, column: 19, endLine: 14, endColumn: 23 }],
      output: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                bio:
                  type: string # free text
                  description: Shown on the profile
                  maxLength: 255
      responses:
        '201': { description: created }
`,
    },
    {
      name: 'OAS 3.0 YAML: items of a query array and of an array body are named after their parameter or as items[]',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /advisories:
    post:
      parameters:
        - name: cwes
          in: query
          schema: { type: array, maxItems: 5, items: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: array
              maxItems: 10
              items:
                type: object
                additionalProperties: false
                properties:
                  name: { type: string }
      responses:
        '201': { description: created }
`,
      errors: [
        { messageId: 'unboundedString', message: '"cwes[]" in query parameter "cwes" of POST /advisories is a string without maxLength: a client can send a value of any size.', line: 9, column: 56, endLine: 9, endColumn: 60 },
        { messageId: 'unboundedString', message: '"items[].name" in the request body of POST /advisories is a string without maxLength: a client can send a value of any size.', line: 20, column: 27, endLine: 20, endColumn: 31 },
      ],
      output: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /advisories:
    post:
      parameters:
        - name: cwes
          in: query
          schema: { type: array, maxItems: 5, items: { type: string, maxLength: 255 } }
      requestBody:
        content:
          application/json:
            schema:
              type: array
              maxItems: 10
              items:
                type: object
                additionalProperties: false
                properties:
                  name: { type: string }
      responses:
        '201': { description: created }
`,
    },
    {
      name: 'OAS 3.1 YAML: a schema in another file is reported at the $ref that reaches it; the fix edits that file',
      code: `openapi: 3.1.0
info: { title: Shop, version: '1' }
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: './schemas/user.yaml#/NewUser'
      responses:
        '201': { description: created }
`,
      files: { 'schemas/user.yaml': `NewUser:
  type: object
  additionalProperties: false
  properties:
    name:
      type: string
` },
      errors: [{ messageId: 'unboundedString', message: '"name" in the request body of POST /users is a string without maxLength: a client can send a value of any size.', line: 10, column: 15, endLine: 10, endColumn: 51 }],
      output: `openapi: 3.1.0
info: { title: Shop, version: '1' }
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: './schemas/user.yaml#/NewUser'
      responses:
        '201': { description: created }
`,
      outputFiles: { 'schemas/user.yaml': `NewUser:
  type: object
  additionalProperties: false
  properties:
    name:
      type: string
      maxLength: 255
` },
    },
  ],
});

describe('patternBoundsLength', () => {
  it('accepts anchored patterns with bounded quantifiers only', () => {
    for (const bounded of ['^[A-Z]{2}$', '^\\d{5}(-\\d{4})?$', '^(ab|cd){1,3}$', '^[+*]{1,2}$']) assert.equal(patternBoundsLength(bounded), true, bounded);
    for (const unbounded of ['[a-z]{2}', '^[a-z]{2}', '[a-z]{2}$', '^[a-z]+$', '^a*$', '^a{2,}$', '^a|b$', '^a\\$']) assert.equal(patternBoundsLength(unbounded), false, unbounded);
  });
});
