// The workspace index: a file's new summary replaces the old one; typing that only moves positions keeps the
// linked model and moves its positions; module resolutions are kept until files come or go.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { WorkspaceIndex } from '../../../server/engine/api-model/workspace-index';

const ROOT = path.resolve('/ws');
const APP = `import express from 'express';
import users from './users';
const app = express();
app.use('/users', users);
`;
const USERS = (handlerBody: string) => `import { Router } from 'express';
const router = Router();
router.get('/', (req, res) => { ${handlerBody} });
router.delete('/:id', (req, res) => res.end());
export default router;
`;

describe('WorkspaceIndex', () => {
  it('an edit that only moves positions keeps the linked model and moves its routes', () => {
    const index = new WorkspaceIndex();
    index.indexText(path.join(ROOT, 'app.ts'), APP);
    index.indexText(path.join(ROOT, 'users.ts'), USERS('res.json([]);'));
    index.markComplete();
    const before = index.model();
    const deleteRoute = before.routes.find((route) => route.method === 'DELETE')!;
    const oldStart = deleteRoute.declaredAt.start;
    const text = USERS('res.json([1, 2, 3]);');
    assert.equal(index.indexText(path.join(ROOT, 'users.ts'), text), false, 'no re-link needed');
    assert.equal(index.model(), before, 'the same linked model');
    assert.equal(deleteRoute.declaredAt.start, oldStart + 7);
    assert.equal(text.slice(deleteRoute.declaredAt.start, deleteRoute.declaredAt.end), "router.delete('/:id'");
  });

  it('an edit that changes what the file declares re-links', () => {
    const index = new WorkspaceIndex();
    index.indexText(path.join(ROOT, 'app.ts'), APP);
    index.indexText(path.join(ROOT, 'users.ts'), USERS('res.json([]);'));
    index.markComplete();
    const before = index.model();
    assert.equal(index.indexText(path.join(ROOT, 'users.ts'), USERS('res.json([]);').replace("'/:id'", "'/:userId'")), true);
    assert.notEqual(index.model(), before);
    assert.deepEqual(index.model().routes.map((route) => `${route.method} ${route.path}`), ['GET /users', 'DELETE /users/:userId']);
  });

  it('code being typed that refers to itself (`const t = await t.send()`) is summarised (found by the fuzz test)', () => {
    const index = new WorkspaceIndex();
    assert.equal(index.indexText(path.join(ROOT, 'mailer.ts'), 'export async function send(to: string) {\n  const transport = await transport.sendMail({ to });\n}\n'), true);
    assert.deepEqual(Object.keys(index.summaryOf(path.join(ROOT, 'mailer.ts'))!.functions), ['send']);
  });

  it('a file added later is found by imports that did not resolve before', () => {
    const index = new WorkspaceIndex();
    index.indexText(path.join(ROOT, 'app.ts'), APP);
    index.markComplete();
    assert.deepEqual(index.model().routes, []);
    index.indexText(path.join(ROOT, 'users.ts'), USERS('res.json([]);'));
    assert.deepEqual(index.model().routes.map((route) => `${route.method} ${route.path} ${route.mounts.length}`), ['GET /users 1', 'DELETE /users/:id 1']);
    index.remove(path.join(ROOT, 'users.ts'));
    assert.deepEqual(index.model().routes, []);
  });
});
