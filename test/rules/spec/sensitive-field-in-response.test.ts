import { sensitiveFieldInResponse } from '../../../rules/spec/sensitive-field-in-response';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

const RISK = 'clients never need it back, and responses end up in logs, caches and browser storage.';

runSpecRuleTests(sensitiveFieldInResponse, {
  valid: [
    {
      name: 'OAS 3.0 YAML: names about a secret, paging tokens, content hashes, public tokens, booleans, objects, writeOnly, masked and enum values',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /me:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  passwordChangedAt: { type: string, format: date-time }
                  passwordPolicy: { type: string }
                  tokenType: { type: string }
                  expiresIn: { type: integer }
                  hasPassword: { type: boolean }
                  secretQuestion: { type: string }
                  nextPageToken: { type: string }
                  fileHash: { type: string }
                  hashed_token: { type: string }
                  public_token: { type: string }
                  pin: { type: boolean }
                  token: { type: object, properties: { id: { type: string }, name: { type: string } } }
                  password: { type: string, writeOnly: true }
                  apiKey: { type: string, description: 'Masked: only the last 4 characters are shown.' }
                  secret: { type: string, enum: [none, basic] }
`,
    },
    {
      name: 'OAS 3.0 YAML: token endpoints return their own tokens (POST /oauth/token, /login, /auth/*, POST …/api-keys)',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /oauth/token:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/TokenResponse' }
  /login:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  token: { type: string }
  /auth/refresh:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { properties: { refreshToken: { type: string } } }
  /users/{id}/api-keys:
    post:
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { properties: { apiKey: { type: string }, clientSecret: { type: string } } }
components:
  schemas:
    TokenResponse:
      type: object
      properties:
        access_token: { type: string }
        refresh_token: { type: string }
        id_token: { type: string }
        token_type: { type: string }
        expires_in: { type: integer }
`,
    },
    {
      name: 'OAS 2.0 JSON: a password only in the request schema; a session endpoint returns its token',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/users": {
      "post": {
        "parameters": [{ "in": "body", "name": "body", "schema": { "$ref": "#/definitions/NewUser" } }],
        "responses": { "201": { "description": "created", "schema": { "$ref": "#/definitions/User" } } }
      }
    },
    "/sessions": {
      "post": { "responses": { "200": { "description": "ok", "schema": { "properties": { "session_token": { "type": "string" } } } } } }
    }
  },
  "definitions": {
    "NewUser": { "type": "object", "properties": { "email": { "type": "string" }, "password": { "type": "string" } } },
    "User": { "type": "object", "properties": { "email": { "type": "string" }, "password_reset_expires": { "type": "string" } } }
  }
}
`,
    },
    {
      name: 'OAS 3.1 JSON: writeOnly with a type list and beside a $ref; a token documented as returned only once',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/users/{id}": {
      "get": {
        "responses": {
          "200": {
            "description": "ok",
            "content": { "application/json": { "schema": { "type": "object", "properties": {
              "password": { "type": ["string", "null"], "writeOnly": true },
              "token": { "$ref": "#/components/schemas/Token", "writeOnly": true },
              "personalAccessToken": { "type": "string", "description": "The token. It is only returned once, when it is created." }
            } } } }
          }
        }
      }
    }
  },
  "components": { "schemas": { "Token": { "type": "string" } } }
}
`,
    },
    {
      name: 'OAS 3.0 YAML: creating a resource (POST on a collection), a credentials resource and sign-up hand out secrets by design; enum arrays and encrypted values hold none',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /webhooks:
    post:
      responses:
        '201':
          description: The webhook; its signing secret is returned once, here.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/NewWebhook' }
  /clusters/{id}/credentials:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { properties: { token: { type: string } } }
  /registration:
    post:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { properties: { token: { type: string } } }
  /projects/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                properties:
                  permissions:
                    properties:
                      secret: { type: array, items: { $ref: '#/components/schemas/Action' } }
                  encryptedCardNumber: { type: string }
components:
  schemas:
    NewWebhook: { properties: { url: { type: string }, secret: { type: string } } }
    Action: { type: string, enum: [create, read, delete] }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: a shared User schema returns password (writeOnly advice) and passwordHash (remove advice)',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/User'
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/User'
      responses:
        '201': { description: created }
components:
  schemas:
    User:
      type: object
      properties:
        id: { type: string }
        password:
          type: string
          minLength: 12
        passwordHash: { type: string }
`,
      errors: [
        {
          messageId: 'sensitiveField',
          message: `The 200 response of GET /users/{id} returns "password", a password: ${RISK} The same schema is sent in requests: mark it writeOnly: true.`,
          line: 28,
          column: 9,
          endLine: 28,
          endColumn: 17,
        },
        {
          messageId: 'sensitiveField',
          message: `The 200 response of GET /users/{id} returns "passwordHash", a password hash: ${RISK} Remove it from the response schema.`,
          line: 31,
          column: 9,
          endLine: 31,
          endColumn: 21,
        },
      ],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/User'
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/User'
      responses:
        '201': { description: created }
components:
  schemas:
    User:
      type: object
      properties:
        id: { type: string }
        password:
          type: string
          writeOnly: true
          minLength: 12
        passwordHash: { type: string }
`,
    },
    {
      name: 'OAS 3.1 JSON: a token outside a token endpoint, an SSN (type list), recovery codes, a nested API key',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/me": {
      "get": {
        "responses": {
          "200": {
            "description": "ok",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "accessToken": { "type": "string" },
                    "ssn": { "type": ["string", "null"] },
                    "recoveryCodes": { "type": "array", "items": { "type": "string" } },
                    "owner": { "type": "object", "properties": { "api_key": { "type": "string" } } }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
`,
      errors: [
        { messageId: 'sensitiveField', message: `The 200 response of GET /me returns "accessToken", a token: ${RISK} Remove it from the response schema.`, line: 15, column: 21, endLine: 15, endColumn: 34 },
        { messageId: 'sensitiveField', message: `The 200 response of GET /me returns "ssn", a social security number: ${RISK} Remove it from the response schema.`, line: 16, column: 21, endLine: 16, endColumn: 26 },
        { messageId: 'sensitiveField', message: `The 200 response of GET /me returns "recoveryCodes", recovery codes: ${RISK} Remove it from the response schema.`, line: 17, column: 21, endLine: 17, endColumn: 36 },
        { messageId: 'sensitiveField', message: `The 200 response of GET /me returns "owner.api_key", an API key: ${RISK} Remove it from the response schema.`, line: 18, column: 66, endLine: 18, endColumn: 75 },
      ],
      output: null,
    },
    {
      name: 'OAS 2.0 YAML: a login endpoint may return its token, not the user\'s password hash',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /login:
    post:
      responses:
        '200':
          description: ok
          schema:
            type: object
            properties:
              token: { type: string }
              user: { $ref: '#/definitions/User' }
definitions:
  User:
    type: object
    properties:
      email: { type: string }
      password_hash: { type: string }
`,
      errors: [
        {
          messageId: 'sensitiveField',
          message: `The 200 response of POST /login returns "user.password_hash", a password hash: ${RISK} Remove it from the response schema.`,
          line: 19,
          column: 7,
          endLine: 19,
          endColumn: 20,
        },
      ],
      output: null,
    },
    {
      name: 'OAS 2.0 JSON: format: password marks a secret whatever its name',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/accounts/{id}": {
      "get": {
        "responses": {
          "default": { "description": "ok", "schema": { "properties": { "credential": { "type": "string", "format": "password" } } } }
        }
      }
    }
  }
}
`,
      errors: [{ messageId: 'sensitiveField', message: `The default response of GET /accounts/{id} returns "credential", a password: ${RISK} Remove it from the response schema.`, line: 8, column: 73, endLine: 8, endColumn: 85 }],
      output: null,
    },
    {
      name: 'OAS 3.0 YAML: updating a webhook returns its secret (items of an array response)',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /webhooks/{id}:
    patch:
      responses:
        '200':
          description: The updated webhook
          content:
            application/json:
              schema:
                type: array
                items:
                  properties:
                    url: { type: string }
                    secret: { type: string }
`,
      errors: [{ messageId: 'sensitiveField', message: `The 200 response of PATCH /webhooks/{id} returns "[].secret", a secret: ${RISK} Remove it from the response schema.`, line: 16, column: 21, endLine: 16, endColumn: 27 }],
    },
    {
      name: 'OAS 3.1 JSON: a PIN sent and returned through a $ref; writeOnly goes beside the $ref (3.1 honours siblings)',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/cards/{id}": {
      "put": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Card" } } } },
        "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Card" } } } } }
      }
    }
  },
  "components": {
    "schemas": {
      "Card": {
        "type": "object",
        "properties": {
          "label": { "type": "string" },
          "pin": { "$ref": "#/components/schemas/Pin" }
        }
      },
      "Pin": { "type": "string", "pattern": "^[0-9]{4}$" }
    }
  }
}
`,
      errors: [{ messageId: 'sensitiveField', message: `The 200 response of PUT /cards/{id} returns "pin", a PIN or one-time code: ${RISK} The same schema is sent in requests: mark it writeOnly: true.`, line: 18, column: 11, endLine: 18, endColumn: 16 }],
      output: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/cards/{id}": {
      "put": {
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Card" } } } },
        "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Card" } } } } }
      }
    }
  },
  "components": {
    "schemas": {
      "Card": {
        "type": "object",
        "properties": {
          "label": { "type": "string" },
          "pin": { "$ref": "#/components/schemas/Pin", "writeOnly": true }
        }
      },
      "Pin": { "type": "string", "pattern": "^[0-9]{4}$" }
    }
  }
}
`,
    },
    {
      name: 'OAS 3.0 YAML: writeOnly: false is turned true; beside a 3.0 $ref no fix is offered',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /accounts/{id}:
    put:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Account' }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Account' }
components:
  schemas:
    Account:
      properties:
        securityAnswer: { type: string, writeOnly: false }
        apiKey: { $ref: '#/components/schemas/Key' }
    Key: { type: string }
`,
      errors: [
        { messageId: 'sensitiveField', line: 20, column: 9, endLine: 20, endColumn: 23 },
        { messageId: 'sensitiveField', line: 21, column: 9, endLine: 21, endColumn: 15 },
      ],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /accounts/{id}:
    put:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Account' }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Account' }
components:
  schemas:
    Account:
      properties:
        securityAnswer: { type: string, writeOnly: true }
        apiKey: { $ref: '#/components/schemas/Key' }
    Key: { type: string }
`,
    },
    {
      name: 'OAS 3.0 YAML: no fix beside a 3.0 $ref (the sibling would be ignored)',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /accounts/{id}:
    put:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Account' }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Account' }
components:
  schemas:
    Account:
      properties:
        apiKey: { $ref: '#/components/schemas/Key' }
    Key: { type: string }
`,
      errors: [{ messageId: 'sensitiveField', line: 20, column: 9, endLine: 20, endColumn: 15 }],
      output: null,
    },
  ],
});
