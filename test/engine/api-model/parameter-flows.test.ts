// Which parameters of exported functions reach which calls: the summary whole-workspace rules use to follow
// request data into other modules.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { summarizeSourceFile } from '../../../server/engine/api-model/summarize';
import { parseSourceFile } from '../../../server/engine/source-files';

function flows(code: string, fileName = 'products.ts'): string[] {
  const summary = summarizeSourceFile(parseSourceFile(path.resolve('/w', fileName), code));
  return Object.values(summary.functions).flatMap((fn) => (fn.parameterFlows ?? []).map((flow) => `${fn.name}#${flow.parameter} → ${flow.calleeText}[${flow.argument}] line ${flow.at.line + 1}`));
}

describe('parameter flows of exported functions', () => {
  it('direct, through string building and through a local alias', () => {
    assert.deepEqual(
      flows(`import { db } from './db';
export async function search(q: string, limit: number) {
  const sql = "SELECT * FROM products WHERE name LIKE '%" + q + "%'";
  await db.query(sql);
  return db.any(\`SELECT * FROM p LIMIT \${limit}\`, []);
}
function internal(x: string) { return db.query(x); }
`),
      ['search#0 → db.query[0] line 4', 'search#1 → db.any[0] line 5'],
    );
  });

  it('CommonJS object exports and exported class methods', () => {
    assert.deepEqual(
      flows(`const db = require('./db');
module.exports = {
  byName(name) { return db.many('SELECT * FROM t WHERE n = ' + name); },
};
`, 'model.js'),
      ['byName#0 → db.many[0] line 3'],
    );
    assert.deepEqual(
      flows(`export class ProductService {
  constructor(private readonly repo: any) {}
  find(term: string) { return this.repo.query(\`SELECT \${term}\`); }
}
`),
      ['ProductService.find#0 → this.repo.query[0] line 3'],
    );
  });

  it('through a method of the value that returns text made from it, not through a test of it', () => {
    assert.deepEqual(
      flows(`export class Search {
  run(term: string, flag: string) {
    this.byName(term.trim().toLowerCase());
    return this.check(flag.includes('x'));
  }
  byName(name: string) { return name; }
  check(ok: boolean) { return ok; }
}
`),
      ['Search.run#0 → this.byName[0] line 3'],
    );
  });

  it('a parameter only compared or logged does not flow into the comparison', () => {
    assert.deepEqual(flows(`export function check(role: string) { if (role === 'admin') return true; return false; }\n`), []);
  });
});
