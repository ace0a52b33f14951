import { writableServerField } from '../../../rules/spec/writable-server-field';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(writableServerField, {
  valid: [
    {
      name: 'OAS 3.0: readOnly fields; responses; ids and owners of other records; relation ids in a transfer; a chosen plan; polygon points; role assignment and API-key scopes',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users/{id}:
    put:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                id: { type: string, readOnly: true }
                role: { type: string, readOnly: true }
                createdAt: { type: string, format: date-time, readOnly: true }
                name: { type: string }
      responses:
        '200':
          description: The user, with its role
          content:
            application/json:
              schema: { type: object, properties: { role: { type: string }, isAdmin: { type: boolean } } }
  /orders:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                items:
                  type: array
                  items: { type: object, properties: { id: { type: string }, quantity: { type: integer } } }
                product: { type: object, properties: { ownerId: { type: string }, isAdmin: { type: boolean } } }
      responses: { '201': { description: created } }
  /transfers:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { userId: { type: string }, accountId: { type: string }, amount: { type: number } } }
      responses: { '201': { description: created } }
  /subscriptions:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { plan: { type: string }, active: { type: boolean } } }
      responses: { '201': { description: created } }
  /shapes:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { points: { type: array, items: { type: number } } } }
      responses: { '201': { description: created } }
  /orgs/{org}/memberships/{user}:
    put:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { role: { type: string, enum: [member, admin] } } }
      responses: { '200': { description: ok } }
  /api-keys:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { scopes: { type: array, items: { type: string } } } }
      responses: { '201': { description: created } }
`,
    },
    {
      name: 'OAS 3.1 JSON: readOnly beside a $ref, around an allOf, and on the referenced schema',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "Accounts", "version": "1" },
  "paths": {
    "/accounts/{id}": {
      "patch": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": {
    "schemas": {
      "Account": {
        "type": "object",
        "properties": {
          "role": { "$ref": "#/components/schemas/Role", "readOnly": true },
          "balance": { "allOf": [{ "$ref": "#/components/schemas/Money" }], "readOnly": true },
          "updatedAt": { "$ref": "#/components/schemas/Timestamp" }
        }
      },
      "Role": { "type": "string" },
      "Money": { "type": "number" },
      "Timestamp": { "type": "string", "format": "date-time", "readOnly": true }
    }
  }
}
`,
    },
    {
      name: 'OAS 2.0: readOnly on a body property',
      code: `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      parameters:
        - in: body
          name: body
          schema:
            type: object
            properties:
              id: { type: integer, readOnly: true }
              name: { type: string }
      responses: { '201': { description: created } }
`,
    },
    {
      name: 'OAS 3.0: in an action\'s body (RPC-style or a verb in the path) the id names the record acted on',
      code: `openapi: 3.0.3
info: { title: Calls, version: '1' }
paths:
  /calls.end:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { id: { type: string } } }
      responses: { '200': { description: ok } }
  /notifications/mark-read.json:
    put:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { id: { type: integer } } }
      responses: { '200': { description: ok } }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: privilege, verification and balance fields (warning); id, owner and timestamps of the record (information); a Rails-style wrapped record',
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
                id: { type: string }
                name: { type: string }
                role: { type: string, enum: [user, admin] }
                isAdmin:
                  type: boolean
                email_verified: { type: boolean }
                balance: { type: number }
                ownerId: { type: string }
                createdAt: { type: string, format: date-time }
      responses: { '201': { description: created } }
  /users/{id}:
    patch:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                user:
                  type: object
                  properties:
                    name: { type: string }
                    permissions: { type: array, items: { type: string } }
      responses: { '200': { description: ok } }
`,
      errors: [
        { messageId: 'writableServerField', message: 'Property "id" of the request body of POST /users is the record\'s identifier the server should own, but it is not readOnly: a client can set it.', line: 12, column: 17, endLine: 12, endColumn: 19, severity: 'info' },
        { messageId: 'writableServerField', message: 'Property "role" of the request body of POST /users is a privilege field the server should own, but it is not readOnly: a client can set it.', line: 14, column: 17, endLine: 14, endColumn: 21, severity: 'warning' },
        { messageId: 'writableServerField', line: 15, column: 17, endLine: 15, endColumn: 24, severity: 'warning' },
        { messageId: 'writableServerField', message: 'Property "email_verified" of the request body of POST /users is a verification flag the server should own, but it is not readOnly: a client can set it.', line: 17, column: 17, endLine: 17, endColumn: 31, severity: 'warning' },
        { messageId: 'writableServerField', message: 'Property "balance" of the request body of POST /users is a balance the server should own, but it is not readOnly: a client can set it.', line: 18, column: 17, endLine: 18, endColumn: 24, severity: 'warning' },
        { messageId: 'writableServerField', message: 'Property "ownerId" of the request body of POST /users is the record\'s owner the server should own, but it is not readOnly: a client can set it.', line: 19, column: 17, endLine: 19, endColumn: 24, severity: 'info' },
        { messageId: 'writableServerField', message: 'Property "createdAt" of the request body of POST /users is a timestamp the server should own, but it is not readOnly: a client can set it.', line: 20, column: 17, endLine: 20, endColumn: 26, severity: 'info' },
        { messageId: 'writableServerField', message: 'Property "permissions" of "user" in the request body of PATCH /users/{id} is a privilege field the server should own, but it is not readOnly: a client can set it.', line: 34, column: 21, endLine: 34, endColumn: 32, severity: 'warning' },
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
                id: { type: string, readOnly: true }
                name: { type: string }
                role: { type: string, enum: [user, admin] }
                isAdmin:
                  type: boolean
                email_verified: { type: boolean }
                balance: { type: number }
                ownerId: { type: string }
                createdAt: { type: string, format: date-time }
      responses: { '201': { description: created } }
  /users/{id}:
    patch:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                user:
                  type: object
                  properties:
                    name: { type: string }
                    permissions: { type: array, items: { type: string } }
      responses: { '200': { description: ok } }
`,
    },
    {
      name: 'OAS 3.1 JSON: fields of allOf parts in a shared component are reported at the component',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "Accounts", "version": "1" },
  "paths": {
    "/accounts/{id}": {
      "put": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": {
    "schemas": {
      "Account": {
        "allOf": [
          { "$ref": "#/components/schemas/Base" },
          { "type": "object", "properties": { "credits": { "type": "integer" }, "role": { "$ref": "#/components/schemas/Role" } } }
        ]
      },
      "Base": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" } } },
      "Role": { "type": "string" }
    }
  }
}
`,
      errors: [
        { messageId: 'writableServerField', message: 'Property "credits" of the request body of PUT /accounts/{id} is a balance the server should own, but it is not readOnly: a client can set it.', line: 17, column: 47, endLine: 17, endColumn: 56 },
        { messageId: 'writableServerField', line: 17, column: 81, endLine: 17, endColumn: 87 },
        { messageId: 'writableServerField', line: 20, column: 51, endLine: 20, endColumn: 55, severity: 'info' },
      ],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "Accounts", "version": "1" },
  "paths": {
    "/accounts/{id}": {
      "put": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } },
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": {
    "schemas": {
      "Account": {
        "allOf": [
          { "$ref": "#/components/schemas/Base" },
          { "type": "object", "properties": { "credits": { "type": "integer", "readOnly": true }, "role": { "$ref": "#/components/schemas/Role" } } }
        ]
      },
      "Base": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" } } },
      "Role": { "type": "string" }
    }
  }
}
`,
    },
    {
      name: 'OAS 2.0 JSON: a body parameter through $ref',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "Profiles", "version": "1" },
  "paths": {
    "/profiles/{id}": {
      "put": {
        "parameters": [
          { "name": "id", "in": "path", "required": true, "type": "string" },
          { "name": "body", "in": "body", "schema": { "$ref": "#/definitions/Profile" } }
        ],
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "definitions": {
    "Profile": {
      "type": "object",
      "properties": {
        "nickname": { "type": "string" },
        "is_admin": { "type": "boolean" },
        "role": { "$ref": "#/definitions/Role" }
      }
    },
    "Role": { "type": "string", "enum": ["member", "moderator"] }
  }
}
`,
      errors: [
        { messageId: 'writableServerField', message: 'Property "is_admin" of the request body of PUT /profiles/{id} is a privilege field the server should own, but it is not readOnly: a client can set it.', line: 20, column: 9, endLine: 20, endColumn: 19 },
        { messageId: 'writableServerField', line: 21, column: 9, endLine: 21, endColumn: 15 },
      ],
      output: `{
  "swagger": "2.0",
  "info": { "title": "Profiles", "version": "1" },
  "paths": {
    "/profiles/{id}": {
      "put": {
        "parameters": [
          { "name": "id", "in": "path", "required": true, "type": "string" },
          { "name": "body", "in": "body", "schema": { "$ref": "#/definitions/Profile" } }
        ],
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "definitions": {
    "Profile": {
      "type": "object",
      "properties": {
        "nickname": { "type": "string" },
        "is_admin": { "type": "boolean", "readOnly": true },
        "role": { "$ref": "#/definitions/Role" }
      }
    },
    "Role": { "type": "string", "enum": ["member", "moderator"] }
  }
}
`,
    },
    {
      name: 'OAS 3.0 YAML: a $ref property is wrapped in allOf with readOnly beside it (3.0 ignores siblings of $ref); the comment stays',
      code: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users/{id}:
    patch:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                role:
                  $ref: '#/components/schemas/Role' # shared with the response
                name: { type: string }
      responses: { '200': { description: ok } }
components:
  schemas:
    Role: { type: string, enum: [user, admin] }
`,
      errors: [{ messageId: 'writableServerField', line: 12, column: 17, endLine: 12, endColumn: 21 }],
      output: `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users/{id}:
    patch:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                role:
                  allOf: [{ $ref: '#/components/schemas/Role' }] # shared with the response
                  readOnly: true
                name: { type: string }
      responses: { '200': { description: ok } }
components:
  schemas:
    Role: { type: string, enum: [user, admin] }
`,
    },
    {
      name: 'OAS 2.0 one-line JSON: the $ref property is wrapped the same way',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "Shop", "version": "1" },
  "paths": {
    "/users": {
      "post": {
        "parameters": [{ "name": "body", "in": "body", "schema": { "type": "object", "properties": { "role": { "$ref": "#/definitions/Role" } } } }],
        "responses": { "201": { "description": "created" } }
      }
    }
  },
  "definitions": { "Role": { "type": "string" } }
}
`,
      errors: [{ messageId: 'writableServerField', line: 7, column: 102, endLine: 7, endColumn: 108 }],
      output: `{
  "swagger": "2.0",
  "info": { "title": "Shop", "version": "1" },
  "paths": {
    "/users": {
      "post": {
        "parameters": [{ "name": "body", "in": "body", "schema": { "type": "object", "properties": { "role": { "allOf": [{ "$ref": "#/definitions/Role" }], "readOnly": true } } } }],
        "responses": { "201": { "description": "created" } }
      }
    }
  },
  "definitions": { "Role": { "type": "string" } }
}
`,
    },
    {
      name: 'OAS 3.1 YAML flow: readOnly goes beside the $ref',
      code: `openapi: 3.1.0
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
                role: { $ref: '#/components/schemas/Role', description: The account's role }
      responses: { '201': { description: created } }
components:
  schemas:
    Role: { type: string }
`,
      errors: [{ messageId: 'writableServerField', line: 12, column: 17, endLine: 12, endColumn: 21 }],
      output: `openapi: 3.1.0
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
                role: { $ref: '#/components/schemas/Role', description: The account's role, readOnly: true }
      responses: { '201': { description: created } }
components:
  schemas:
    Role: { type: string }
`,
    },
  ],
});
