import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { insecureServerUrl, isLocalHost } from '../../../rules/spec/insecure-server-url';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

runSpecRuleTests(insecureServerUrl, {
  valid: [
    {
      name: 'OAS 3.0 YAML: https and wss servers, a relative URL and a variable scheme',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
servers:
  - url: https://api.shop.io/v1
  - url: wss://stream.shop.io
  - url: /v1
  - url: '{protocol}://api.shop.io'
    variables:
      protocol: { default: https, enum: [https] }
paths: {}
`,
    },
    {
      name: 'trap: "http" inside a description or a path is not a server URL; httpbin-like hosts over https',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1", "description": "See http://docs.shop.io" },
  "servers": [{ "url": "https://httpbin.org", "description": "was http://httpbin.org" }],
  "paths": { "/http/redirect": { "get": { "responses": { "200": { "description": "http://x" } } } } }
}
`,
    },
    {
      name: 'OAS 2.0 YAML: schemes [https] and [wss]; no schemes at all (the spec\'s own scheme)',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
host: api.shop.io
schemes: [https, wss]
paths:
  /pets:
    get:
      responses:
        200: { description: ok }
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: a root http URL; fix inserts the s, keeping the rest of the line',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
servers:
  - url: http://api.shop.io/v1 # production
    description: Production
paths: {}
`,
      errors: [
        {
          messageId: 'insecureUrl',
          message: 'Server URL "http://api.shop.io/v1" uses cleartext http://: requests, credentials and responses can be read and changed on the way; use https://.',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 31,
          severity: 'error',
        },
      ],
      output: `openapi: 3.0.3
info: { title: t, version: '1' }
servers:
  - url: https://api.shop.io/v1 # production
    description: Production
paths: {}
`,
    },
    {
      name: 'OAS 3.1 YAML: path-level ws:// and operation-level quoted HTTP:// URLs',
      code: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /events:
    servers:
      - url: ws://events.shop.io
    get:
      servers:
        - url: "HTTP://files.shop.io"
      responses:
        '200': { description: ok }
`,
      errors: [
        {
          messageId: 'insecureUrl',
          message: 'Server URL "ws://events.shop.io" on a path uses cleartext ws://: requests, credentials and responses can be read and changed on the way; use wss://.',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 33,
        },
        {
          messageId: 'insecureUrl',
          message: 'Server URL "HTTP://files.shop.io" on GET /events uses cleartext http://: requests, credentials and responses can be read and changed on the way; use https://.',
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 38,
        },
      ],
      output: `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /events:
    servers:
      - url: wss://events.shop.io
    get:
      servers:
        - url: "HTTP://files.shop.io"
      responses:
        '200': { description: ok }
`,
    },
    {
      name: 'OAS 3.1 YAML: an upper-case scheme gets an upper-case S',
      code: `openapi: 3.1.0
info: { title: t, version: '1' }
servers: [{ url: "HTTP://files.shop.io" }]
paths: {}
`,
      errors: [{ messageId: 'insecureUrl', line: 3, column: 18, endLine: 3, endColumn: 40 }],
      output: `openapi: 3.1.0
info: { title: t, version: '1' }
servers: [{ url: "HTTPS://files.shop.io" }]
paths: {}
`,
    },
    {
      name: 'OAS 3.0 JSON: local and example hosts are information (variables expanded)',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.0.3",
  "info": { "title": "t", "version": "1" },
  "servers": [
    { "url": "http://localhost:3000/api" },
    { "url": "http://{host}:8080", "variables": { "host": { "default": "127.0.0.1" } } },
    { "url": "http://[::1]/v1" },
    { "url": "http://shop.localhost" },
    { "url": "http://api.example.com" },
    { "url": "http://10.0.0.12" }
  ],
  "paths": {}
}
`,
      errors: [
        {
          messageId: 'localUrl',
          message: 'Server URL "http://localhost:3000/api" uses cleartext http:// on a local or example host: fine for development, never for a deployment.',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 41,
          severity: 'info',
        },
        { messageId: 'localUrl', line: 6, column: 14, endLine: 6, endColumn: 34, severity: 'info' },
        { messageId: 'localUrl', line: 7, column: 14, endLine: 7, endColumn: 31, severity: 'info' },
        { messageId: 'localUrl', line: 8, column: 14, endLine: 8, endColumn: 37, severity: 'info' },
        { messageId: 'localUrl', line: 9, column: 14, endLine: 9, endColumn: 38, severity: 'info' },
        // A private address is still a network: an error.
        { messageId: 'insecureUrl', line: 10, column: 14, endLine: 10, endColumn: 32, severity: 'error' },
      ],
      output: `{
  "openapi": "3.0.3",
  "info": { "title": "t", "version": "1" },
  "servers": [
    { "url": "https://localhost:3000/api" },
    { "url": "http://{host}:8080", "variables": { "host": { "default": "127.0.0.1" } } },
    { "url": "http://[::1]/v1" },
    { "url": "http://shop.localhost" },
    { "url": "http://api.example.com" },
    { "url": "http://10.0.0.12" }
  ],
  "paths": {}
}
`,
    },
    {
      name: 'OAS 2.0 YAML: schemes [http] alone; fix replaces the item',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
host: api.shop.io
schemes:
  - http
paths: {}
`,
      errors: [
        {
          messageId: 'insecureScheme',
          message: 'Swagger `schemes` lists "http": requests, credentials and responses can be read and changed on the way; use https.',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 9,
          severity: 'error',
        },
      ],
      output: `swagger: '2.0'
info: { title: t, version: '1' }
host: api.shop.io
schemes:
  - https
paths: {}
`,
    },
    {
      name: 'OAS 2.0 YAML: http beside https is removed (with its line), at the root and on an operation',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
host: api.shop.io
schemes:
  - http # legacy clients
  - https
paths:
  /pets:
    get:
      schemes: [https, http]
      responses:
        200: { description: ok }
`,
      errors: [
        { messageId: 'insecureScheme', line: 5, column: 5, endLine: 5, endColumn: 9 },
        { messageId: 'insecureScheme', message: 'Swagger `schemes` lists "http" on GET /pets: requests, credentials and responses can be read and changed on the way; use https.', line: 10, column: 24, endLine: 10, endColumn: 28 },
      ],
      fixTitle: 'Remove "http" (https is listed)',
      output: `swagger: '2.0'
info: { title: t, version: '1' }
host: api.shop.io
schemes:
  - https
paths:
  /pets:
    get:
      schemes: [https, http]
      responses:
        200: { description: ok }
`,
    },
    {
      name: 'OAS 2.0 YAML: the last flow item goes with the separator before it',
      filename: 'swagger.yaml',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
host: api.shop.io
schemes:
  - https
paths:
  /pets:
    get:
      schemes: [https, http]
      responses:
        200: { description: ok }
`,
      errors: [{ messageId: 'insecureScheme', line: 9, column: 24, endLine: 9, endColumn: 28 }],
      output: `swagger: '2.0'
info: { title: t, version: '1' }
host: api.shop.io
schemes:
  - https
paths:
  /pets:
    get:
      schemes: [https]
      responses:
        200: { description: ok }
`,
    },
    {
      name: 'OAS 2.0 JSON: http removed from a pretty-printed list',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "host": "api.shop.io",
  "schemes": [
    "http",
    "https"
  ],
  "paths": {}
}
`,
      errors: [{ messageId: 'insecureScheme', line: 6, column: 5, endLine: 6, endColumn: 11 }],
      output: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "host": "api.shop.io",
  "schemes": [
    "https"
  ],
  "paths": {}
}
`,
    },
    {
      name: 'OAS 2.0 JSON: operation-level "ws" keeps its quotes; localhost host is information',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "host": "localhost:8080",
  "paths": { "/feed": { "get": { "schemes": ["ws"], "responses": { "200": { "description": "ok" } } } } }
}
`,
      errors: [
        {
          messageId: 'localScheme',
          message: 'Swagger `schemes` lists "ws" on GET /feed for the local or example host "localhost": fine for development, never for a deployment.',
          line: 5,
          column: 46,
          endLine: 5,
          endColumn: 50,
          severity: 'info',
        },
      ],
      output: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "host": "localhost:8080",
  "paths": { "/feed": { "get": { "schemes": ["wss"], "responses": { "200": { "description": "ok" } } } } }
}
`,
    },
  ],
});

describe('isLocalHost', () => {
  it('knows loopback, *.localhost and documentation hosts, and nothing else', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '0.0.0.0', 'app.localhost', 'example.com', 'api.example.org', 'shop.test', 'a.example', 'discourse.local', 'box.localdomain']) assert.equal(isLocalHost(host), true, host);
    for (const host of ['api.shop.io', 'example.community', 'myexample.com', '10.0.0.1', '192.168.1.1', 'localhost.evil.com', 'test.shop.io', 'local.shop.io', 'shop.internal']) assert.equal(isLocalHost(host), false, host);
  });
});
