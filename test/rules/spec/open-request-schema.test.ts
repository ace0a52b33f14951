import { openRequestSchema } from '../../../rules/spec/open-request-schema';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(openRequestSchema, {
  valid: [
    {
      name: 'OAS 3.0: closed objects, typed maps, readOnly objects, closed oneOf alternatives, a closed allOf with its names listed, a composed string, query objects and responses',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users:
    post:
      parameters:
        - name: filter
          in: query
          style: deepObject
          schema: { type: object, properties: { name: { type: string } } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties:
                name: { type: string }
                labels:
                  type: object
                  additionalProperties: { type: string }
                audit:
                  type: object
                  readOnly: true
                  properties:
                    by: { type: string }
                payment:
                  oneOf:
                    - { type: object, additionalProperties: false, properties: { card: { type: string } } }
                    - { type: object, additionalProperties: false, properties: { iban: { type: string } } }
                profile:
                  allOf:
                    - $ref: '#/components/schemas/Named'
                    - { type: object, properties: { bio: { type: string } } }
                  additionalProperties: false
                  properties:
                    name: {}
                    bio: {}
                nickname:
                  allOf:
                    - { type: string }
                  description: a string composed, not an object
      responses:
        '201':
          description: The user, open for new fields
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } } }
components:
  schemas:
    Named: { type: object, properties: { name: { type: string } } }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: the body (warning), nested objects and additionalProperties: true (information), a free-form object (information, no fix)',
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
              properties:
                name: { type: string }
                address:
                  type: object
                  properties:
                    street: { type: string }
                settings:
                  type: object
                  additionalProperties: true
                  properties:
                    theme: { type: string }
                metadata:
                  type: object
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } } }
`,
      errors: [
        { messageId: 'openObject', message: 'The request body of POST /users is an object that accepts undeclared properties (no additionalProperties: false): a client can send fields the server never meant to take.', line: 10, column: 15, endLine: 10, endColumn: 19, severity: 'warning' },
        { messageId: 'openObject', message: '"address" in the request body of POST /users is an object that accepts undeclared properties (no additionalProperties: false): a client can send fields the server never meant to take.', line: 14, column: 19, endLine: 14, endColumn: 23, severity: 'info' },
        { messageId: 'openObject', line: 18, column: 19, endLine: 18, endColumn: 23, severity: 'info' },
        { messageId: 'freeFormObject', message: '"metadata" in the request body of POST /users is a free-form object (no properties, no additionalProperties): declare its properties, or its value type as a map.', line: 23, column: 19, endLine: 23, endColumn: 23, severity: 'info' },
      ],
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
              properties:
                name: { type: string }
                address:
                  type: object
                  properties:
                    street: { type: string }
                settings:
                  type: object
                  additionalProperties: true
                  properties:
                    theme: { type: string }
                metadata:
                  type: object
              additionalProperties: false
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } } }
`,
    },
    {
      name: 'OAS 3.1 JSON: an open allOf is reported once, at the composition; the fix adds unevaluatedProperties: false (closed and over-closed ones pass)',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "Pets", "version": "1" },
  "paths": {
    "/pets": {
      "post": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewPet" } } } },
        "responses": { "201": { "description": "created" } }
      },
      "put": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Closed" } } } },
        "responses": { "200": { "description": "ok" } }
      },
      "patch": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OverClosed" } } } },
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": {
    "schemas": {
      "NewPet": {
        "allOf": [
          { "$ref": "#/components/schemas/Base" },
          { "type": "object", "properties": { "tag": { "type": "string" } } }
        ]
      },
      "Closed": {
        "allOf": [{ "$ref": "#/components/schemas/Base" }],
        "unevaluatedProperties": false
      },
      "OverClosed": {
        "allOf": [{ "$ref": "#/components/schemas/StrictBase" }, { "type": "object", "properties": { "nickname": { "type": "string" } } }]
      },
      "Base": { "type": "object", "properties": { "name": { "type": "string" } } },
      "StrictBase": { "type": "object", "additionalProperties": false, "properties": { "name": { "type": "string" } } }
    }
  }
}
`,
      errors: [
        {
          messageId: 'openComposition',
          message: 'The request body of POST /pets is an allOf composition that accepts undeclared properties: close it with unevaluatedProperties: false.',
          line: 23,
          column: 9,
          endLine: 23,
          endColumn: 16,
        },
      ],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "Pets", "version": "1" },
  "paths": {
    "/pets": {
      "post": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewPet" } } } },
        "responses": { "201": { "description": "created" } }
      },
      "put": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Closed" } } } },
        "responses": { "200": { "description": "ok" } }
      },
      "patch": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OverClosed" } } } },
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": {
    "schemas": {
      "NewPet": {
        "allOf": [
          { "$ref": "#/components/schemas/Base" },
          { "type": "object", "properties": { "tag": { "type": "string" } } }
        ],
        "unevaluatedProperties": false
      },
      "Closed": {
        "allOf": [{ "$ref": "#/components/schemas/Base" }],
        "unevaluatedProperties": false
      },
      "OverClosed": {
        "allOf": [{ "$ref": "#/components/schemas/StrictBase" }, { "type": "object", "properties": { "nickname": { "type": "string" } } }]
      },
      "Base": { "type": "object", "properties": { "name": { "type": "string" } } },
      "StrictBase": { "type": "object", "additionalProperties": false, "properties": { "name": { "type": "string" } } }
    }
  }
}
`,
    },
    {
      name: 'OAS 3.0 YAML: an open allOf; the fix lists the composed names beside additionalProperties: false',
      code: `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  properties:
                    tag: { type: string }
      responses:
        '201': { description: created }
components:
  schemas:
    Base:
      type: object
      properties:
        name: { type: string }
`,
      errors: [
        {
          messageId: 'openComposition',
          message: "The request body of POST /pets is an allOf composition that accepts undeclared properties: close it with additionalProperties: false beside the composed property names (OAS 3.0 has no unevaluatedProperties; additionalProperties: false on a part rejects the other parts' properties).",
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 20,
        },
      ],
      output: `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  properties:
                    tag: { type: string }
              properties:
                name: {}
                tag: {}
              additionalProperties: false
      responses:
        '201': { description: created }
components:
  schemas:
    Base:
      type: object
      properties:
        name: { type: string }
`,
    },
    {
      name: 'OAS 2.0 JSON: an allOf with its own properties; the fix adds the missing names to them',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "Pets", "version": "1" },
  "paths": {
    "/pets": {
      "post": {
        "parameters": [{ "name": "body", "in": "body", "schema": { "$ref": "#/definitions/Pet" } }],
        "responses": { "201": { "description": "created" } }
      }
    }
  },
  "definitions": {
    "Pet": {
      "allOf": [{ "$ref": "#/definitions/Base" }],
      "properties": {
        "tag": { "type": "string" }
      }
    },
    "Base": { "type": "object", "properties": { "name": { "type": "string" } } }
  }
}
`,
      errors: [{ messageId: 'openComposition', line: 14, column: 7, endLine: 14, endColumn: 14 }],
      output: `{
  "swagger": "2.0",
  "info": { "title": "Pets", "version": "1" },
  "paths": {
    "/pets": {
      "post": {
        "parameters": [{ "name": "body", "in": "body", "schema": { "$ref": "#/definitions/Pet" } }],
        "responses": { "201": { "description": "created" } }
      }
    }
  },
  "definitions": {
    "Pet": {
      "allOf": [{ "$ref": "#/definitions/Base" }],
      "properties": {
        "tag": { "type": "string" },
        "name": {}
      },
      "additionalProperties": false
    },
    "Base": { "type": "object", "properties": { "name": { "type": "string" } } }
  }
}
`,
    },
    {
      name: 'OAS 3.1 one-line JSON: additionalProperties: true is turned to false in place',
      fixTitle: 'Set additionalProperties: false',
      filename: 'openapi.json',
      code: `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/a":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":"object","additionalProperties":true,"properties":{"a":{"type":"string"}}}}}},"responses":{"200":{"description":"ok"}}}}}}
`,
      errors: [{ messageId: 'openObject', line: 1, column: 134, endLine: 1, endColumn: 140 }],
      output: `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/a":{"post":{"requestBody":{"content":{"application/json":{"schema":{"type":"object","additionalProperties":false,"properties":{"a":{"type":"string"}}}}}},"responses":{"200":{"description":"ok"}}}}}}
`,
    },
    {
      name: 'OAS 3.0 YAML: additionalProperties: {} is replaced by false, the comment kept',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /notes:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                text: { type: string, maxLength: 500 }
              additionalProperties: {} # anything else goes
      responses:
        '201': { description: created }
`,
      errors: [{ messageId: 'openObject', line: 10, column: 15, endLine: 10, endColumn: 19 }],
      fixTitle: 'Set additionalProperties: false',
      output: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /notes:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                text: { type: string, maxLength: 500 }
              additionalProperties: false # anything else goes
      responses:
        '201': { description: created }
`,
    },
  ],
});
