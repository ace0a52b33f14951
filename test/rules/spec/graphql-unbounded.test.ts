import { graphqlUnbounded } from '../../../rules/spec/graphql-unbounded';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

const RISK = 'with no documented depth, complexity or cost limit: one nested query can make the server resolve millions of objects. Enforce limits and document them (e.g. x-graphql-max-depth, or in the description).';

runSpecRuleTests(graphqlUnbounded, {
  valid: [
    {
      name: 'OAS 3.0 YAML: limits in a description, an x- key, a nested x- value, an error response; a search query and /graphql-docs are not GraphQL',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /graphql:
    post:
      description: GraphQL endpoint. Queries are limited to a maximum depth of 10 and a complexity of 1000.
      responses: { '200': { description: ok } }
  /v2/graphql:
    post:
      x-graphql-max-depth: 8
      responses: { '200': { description: ok } }
  /v3/graphql:
    post:
      x-limits: { maxComplexity: 500 }
      responses:
        '200': { description: ok }
  /v4/graphql:
    post:
      responses:
        '200': { description: ok }
        '400': { description: The query exceeds the maximum depth or cost budget. }
  /search:
    post:
      requestBody:
        content:
          application/json:
            schema:
              properties:
                query: { type: string }
                limit: { type: integer }
      responses: { '200': { description: ok } }
  /graphql-docs:
    get:
      responses: { '200': { description: ok } }
`,
    },
    {
      name: 'OAS 3.1 JSON: a limit documented once in info.description covers every operation',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1", "description": "Every GraphQL query is bounded: depth limit 12, cost limit 10000 points." },
  "paths": {
    "/graphql": { "post": { "responses": { "200": { "description": "ok" } } } }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: GET and POST on /api/graphql; a description about cost that states no limit',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /api/graphql:
    get:
      parameters:
        - { name: query, in: query, schema: { type: string } }
      responses: { '200': { description: ok } }
    post:
      description: Runs a GraphQL query. The cost of a query is how many objects it returns.
      responses: { '200': { description: ok } }
`,
      errors: [
        { messageId: 'unboundedGraphql', message: `GET /api/graphql is a GraphQL endpoint (its path ends in /graphql) ${RISK}`, line: 5, column: 5, endLine: 5, endColumn: 8 },
        { messageId: 'unboundedGraphql', message: `POST /api/graphql is a GraphQL endpoint (its path ends in /graphql) ${RISK}`, line: 9, column: 5, endLine: 9, endColumn: 9 },
      ],
      output: null,
    },
    {
      name: 'OAS 3.1 JSON: an application/graphql body; a $ref\'d JSON body with query and variables',
      filename: 'openapi.json',
      code: `{
  "openapi": "3.1.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/query": {
      "post": {
        "requestBody": { "content": { "application/graphql": { "schema": { "type": "string" } } } },
        "responses": { "200": { "description": "ok" } }
      }
    },
    "/api": {
      "post": {
        "requestBody": { "$ref": "#/components/requestBodies/GraphqlRequest" },
        "responses": { "200": { "description": "ok" } }
      }
    }
  },
  "components": {
    "requestBodies": {
      "GraphqlRequest": {
        "content": {
          "application/json": {
            "schema": { "type": "object", "properties": { "query": { "type": "string" }, "variables": { "type": "object" } } }
          }
        }
      }
    }
  }
}
`,
      errors: [
        { messageId: 'unboundedGraphql', message: `POST /query is a GraphQL endpoint (it accepts application/graphql) ${RISK}`, line: 6, column: 7, endLine: 6, endColumn: 13 },
        { messageId: 'unboundedGraphql', message: `POST /api is a GraphQL endpoint (its JSON body is a GraphQL request) ${RISK}`, line: 12, column: 7, endLine: 12, endColumn: 13 },
      ],
    },
    {
      name: 'OAS 2.0 YAML: consumes application/graphql; a body parameter with query and operationName',
      code: `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /gql:
    post:
      consumes: [application/graphql]
      responses: { '200': { description: ok } }
  /batch:
    post:
      parameters:
        - in: body
          name: body
          schema:
            properties:
              query: { type: string }
              operationName: { type: string }
      responses: { '200': { description: ok } }
`,
      errors: [
        { messageId: 'unboundedGraphql', message: `POST /gql is a GraphQL endpoint (it consumes application/graphql) ${RISK}`, line: 5, column: 5, endLine: 5, endColumn: 9, severity: 'warning' },
        { messageId: 'unboundedGraphql', line: 9, column: 5, endLine: 9, endColumn: 9 },
      ],
    },
    {
      name: 'OAS 2.0 JSON: a trailing slash after /graphql',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "paths": {
    "/graphql/": { "post": { "summary": "GraphQL", "responses": { "200": { "description": "ok" } } } }
  }
}
`,
      errors: [{ messageId: 'unboundedGraphql', line: 5, column: 20, endLine: 5, endColumn: 26 }],
    },
  ],
});
