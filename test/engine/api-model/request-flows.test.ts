// Request data across modules in the workspace index: the calls that hand it to another module's function (the
// summary's `requestArguments`) and the paths the linked model follows through parameter flows
// (`ApiModel.requestDataInto`), which unparameterized-query reports at its sinks.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { summarizeSourceFile } from '../../../server/engine/api-model/summarize';
import { parseSourceFile } from '../../../server/engine/source-files';
import type { RequestPath } from '../../../rules/support/api-model';
import { modelOf, ROOT } from './support';

function requestArguments(code: string, fileName = 'routes.ts'): string[] {
  const summary = summarizeSourceFile(parseSourceFile(path.join(ROOT, fileName), code));
  return (summary.requestArguments ?? []).map((entry) => `${entry.source} → ${entry.call} [${entry.argument}] ${JSON.stringify(entry.callee)} line ${entry.at.line + 1}`);
}

function describePath(found: RequestPath | undefined): string | undefined {
  return found && [found.source, ...found.steps.map((step) => `${step.call} at ${path.relative(ROOT, step.at.filePath)}:${step.at.line + 1}`)].join(' → ');
}

/** The path into parameter `parameter` of the function `name` (or exported as `name`) declared in `fileName`. */
function pathInto(files: Record<string, string>, fileName: string, name: string, parameter: number): string | undefined {
  const { index } = modelOf(files);
  const filePath = path.join(ROOT, fileName);
  const summary = index.summaryOf(filePath);
  const exported = summary?.exports[name];
  const fn = Object.values(summary?.functions ?? {}).find((candidate) => candidate.name === name) ?? (exported?.kind === 'function' ? summary?.functions[exported.id] : undefined);
  assert.ok(fn, `${name} is summarised`);
  return describePath(index.model().requestDataInto(filePath, fn.at.start, parameter));
}

describe('calls that hand request data to another module', () => {
  it('imported functions and members of imported modules, with where the data enters', () => {
    assert.deepEqual(
      requestArguments(`import express from 'express';
import { searchProducts } from './products';
import * as orders from './orders';
const users = require('./users');
const app = express();
app.get('/s', async (req, res) => {
  const { q } = req.query;
  const name = req.body.name.trim();
  await searchProducts(q, 10);
  await orders.byCustomer(Number(req.params.id), req.headers['x-tenant']);
  await users.rename(name);
  await localHelper(req.body.x);
  res.json(req.body);
});
function localHelper(x: string) { return x; }
`),
      [
        'req.query.q → searchProducts(q, 10) [0] {"kind":"name","name":"searchProducts"} line 9',
        `req.headers['x-tenant'] → orders.byCustomer(…, …) [1] {"kind":"name","name":"orders","members":["byCustomer"]} line 10`,
        'req.body.name.trim() → users.rename(name) [0] {"kind":"name","name":"users","members":["rename"]} line 11',
      ],
    );
  });

  it('NestJS: an injected service by its declared class, the input named by its decorator; not what a Parse*Pipe converted', () => {
    assert.deepEqual(
      requestArguments(`import { Body, Controller, Get, ParseEnumPipe, ParseIntPipe, Post, Query } from '@nestjs/common';
import { OrdersService, Status } from './orders.service';
@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService, private readonly log: Console) {}
  @Post()
  create(@Body() dto: { note: string }) {
    this.log.info(dto);
    return this.orders.create(dto.note);
  }
  @Get()
  list(@Query('limit', ParseIntPipe) limit: number, @Query('status', new ParseEnumPipe(Status)) status: Status) {
    return this.orders.list(limit, status);
  }
}
`),
      [`@Body() dto.note → this.orders.create(dto.note) [0] {"kind":"name","name":"OrdersService","members":["create"]} line 9`],
    );
  });
});

describe('where request data reaches', () => {
  const REPOSITORY = `const db = require('./db');
exports.byName = (name, order) => db.query('SELECT * FROM p WHERE n = $1 ORDER BY ' + order, [name]);
`;
  const SERVICE = `const repository = require('./repository');
class ProductService {
  find(term, order) { return repository.byName(term, order); }
}
module.exports = new ProductService();
`;

  it('through a service class exported as an instance, parameter by parameter', () => {
    const files = {
      'repository.js': REPOSITORY,
      'service.js': SERVICE,
      'routes.js': `const service = require('./service');\nmodule.exports = (req, res) => service.find('x', req.query.order);\n`,
    };
    assert.equal(pathInto(files, 'repository.js', 'byName', 1), 'req.query.order → service.find(…, req.query.order) at routes.js:2 → repository.byName(term, order) at service.js:3');
    assert.equal(pathInto(files, 'repository.js', 'byName', 0), undefined);
    assert.equal(pathInto(files, 'service.js', 'ProductService.find', 1), 'req.query.order → service.find(…, req.query.order) at routes.js:2');
  });

  it('the first caller by file and line when several hand request data to the same parameter', () => {
    const files = {
      'repository.js': REPOSITORY,
      'b-routes.js': `const repository = require('./repository');\nmodule.exports = (req) => repository.byName('x', req.body.sort);\n`,
      'a-routes.js': `const repository = require('./repository');\n\nmodule.exports = (req) => repository.byName('x', req.query.sort);\n`,
    };
    assert.equal(pathInto(files, 'repository.js', 'byName', 1), 'req.query.sort → repository.byName(…, req.query.sort) at a-routes.js:3');
  });

  it('at most three calls deep', () => {
    const files = {
      'repository.js': REPOSITORY,
      'service.js': SERVICE,
      'facade.js': `const service = require('./service');\nexports.list = (order) => service.find('x', order);\n`,
      'routes.js': `const facade = require('./facade');\nmodule.exports = (req) => facade.list(req.query.order);\n`,
    };
    assert.equal(
      pathInto(files, 'repository.js', 'byName', 1),
      'req.query.order → facade.list(req.query.order) at routes.js:2 → service.find(…, order) at facade.js:2 → repository.byName(term, order) at service.js:3',
    );
    const fourCalls = {
      ...files,
      'gateway.js': `const facade = require('./facade');\nexports.list = (order) => facade.list(order);\n`,
      'routes.js': `const gateway = require('./gateway');\nmodule.exports = (req) => gateway.list(req.query.order);\n`,
    };
    assert.equal(pathInto(fourCalls, 'service.js', 'ProductService.find', 1), 'req.query.order → gateway.list(req.query.order) at routes.js:2 → facade.list(order) at gateway.js:2 → service.find(…, order) at facade.js:2');
    assert.equal(pathInto(fourCalls, 'repository.js', 'byName', 1), undefined);
  });
});
