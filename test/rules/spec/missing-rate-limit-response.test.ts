import { missingRateLimitResponse } from '../../../rules/spec/missing-rate-limit-response';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(missingRateLimitResponse, {
  valid: [
    {
      name: 'OAS 3.0 YAML: 429 by $ref, 4XX, and rate-limit headers on a 200 (any case, by $ref too)',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    get:
      responses:
        '200': { description: ok }
        '429': { $ref: '#/components/responses/TooManyRequests' }
  /b:
    get:
      responses:
        '200': { description: ok }
        4XX: { description: client error }
  /c:
    get:
      responses:
        '200':
          description: ok
          headers:
            x-ratelimit-remaining: { schema: { type: integer } }
  /d:
    get:
      responses:
        '200': { $ref: '#/components/responses/Limited' }
  /e:
    get:
      responses:
        '503':
          description: busy
          headers:
            Retry-After: { schema: { type: integer } }
components:
  responses:
    TooManyRequests: { description: slow down }
    Limited:
      description: ok
      headers:
        RateLimit-Policy: { schema: { type: string } }
`,
    },
    {
      name: 'OAS 2.0 JSON: X-Rate-Limit-Limit header and a numeric 429',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/a": { "get": { "responses": { "200": { "description": "ok", "headers": { "X-Rate-Limit-Limit": { "type": "integer" } } } } } },
    "/b": { "get": { "responses": { "200": { "description": "ok" }, "429": { "description": "slow down" } } } }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.1 YAML: no operation documents rate limiting: one hint per operation, at `responses`',
      code: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /login:
    post:
      responses:
        '200': { description: ok }
        '401': { description: no }
        default: { description: error }
  /search:
    get:
      responses:
        '200':
          description: ok
          headers:
            X-Request-Id: { schema: { type: string } }
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          message: 'POST /login documents no rate limiting (no 429 or 4XX response, no RateLimit or Retry-After header): say how clients are limited, or limit them.',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 16,
          severity: 'hint',
        },
        { messageId: 'missingRateLimit', line: 12, column: 7, endLine: 12, endColumn: 16, severity: 'hint' },
      ],
      // No components: an inline response, before \`default\`.
      output: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /login:
    post:
      responses:
        '200': { description: ok }
        '401': { description: no }
        '429':
          description: Too Many Requests
        default: { description: error }
  /search:
    get:
      responses:
        '200':
          description: ok
          headers:
            X-Request-Id: { schema: { type: string } }
`,
    },
    {
      name: 'OAS 3.0 JSON: half the operations document 429, so the one that does not is information',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.0.3",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/a": { "get": { "responses": { "200": { "description": "ok" }, "429": { "description": "slow down" } } } },
    "/b": { "post": { "responses": { "201": { "description": "created" } } } }
  }
}
`,
      errors: [
        {
          messageId: 'missingRateLimit',
          message: 'POST /b documents no rate limiting (no 429 or 4XX response, no RateLimit or Retry-After header): say how clients are limited, or limit them.',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 34,
          severity: 'info',
        },
      ],
      output: `{
  "openapi": "3.0.3",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/a": { "get": { "responses": { "200": { "description": "ok" }, "429": { "description": "slow down" } } } },
    "/b": { "post": { "responses": { "201": { "description": "created" }, "429": { "description": "Too Many Requests" } } } }
  }
}
`,
    },
    {
      name: 'OAS 3.0 YAML: 429 on a minority of operations leaves the others hints',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /search:
    get:
      responses:
        '200': { description: ok }
        '429': { description: slow down }
  /a:
    get:
      responses:
        '200': { description: ok }
  /b:
    get:
      responses:
        '200': { description: ok }
`,
      errors: [
        { messageId: 'missingRateLimit', line: 11, column: 7, endLine: 11, endColumn: 16, severity: 'hint' },
        { messageId: 'missingRateLimit', line: 15, column: 7, endLine: 15, endColumn: 16, severity: 'hint' },
      ],
    },
    {
      name: 'OAS 2.0 YAML: a 503 with an unrelated header does not document rate limiting; the fix references the spec\'s own throttling response',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      responses:
        200: { description: ok }
        503:
          description: busy
          headers:
            X-Ratelimited-By: { type: string }
responses:
  Throttled:
    description: Rate limit exceeded
`,
      errors: [{ messageId: 'missingRateLimit', line: 6, column: 7, endLine: 6, endColumn: 16, severity: 'hint' }],
      output: `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      responses:
        200: { description: ok }
        '429':
          $ref: '#/responses/Throttled'
        503:
          description: busy
          headers:
            X-Ratelimited-By: { type: string }
responses:
  Throttled:
    description: Rate limit exceeded
`,
    },
    {
      name: 'OAS 3.1 YAML: a TooManyRequests component is created beside the existing ones',
      code: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /a:
    get:
      responses:
        '200': { $ref: '#/components/responses/Ok' }
components:
  responses:
    Ok: { description: ok }
`,
      errors: [{ messageId: 'missingRateLimit', line: 6, column: 7, endLine: 6, endColumn: 16, severity: 'hint' }],
      output: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /a:
    get:
      responses:
        '200': { $ref: '#/components/responses/Ok' }
        '429':
          $ref: '#/components/responses/TooManyRequests'
components:
  responses:
    Ok: { description: ok }
    TooManyRequests:
      description: Too Many Requests
`,
    },
  ],
});
