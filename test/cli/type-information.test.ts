// The bundled CLI answers type questions as the sources do: the checker needs TypeScript's lib files (Promise,
// Array), which the bundle ships in dist/typescript-lib/. Without them a NestJS controller returning a service's
// `Promise<UserEntity>` was judged as returning nothing known.
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { copyFixture, removeDir, runCli } from './support';

describe('apiguard scan with type information (bundled)', () => {
  // Copied out of the repository: under test/fixtures the files would count as test code (no routes, no models).
  const project = copyFixture('typed');
  after(() => removeDir(project));

  it('follows a service method typed Promise<UserEntity> into the controller that returns it', () => {
    const run = runCli(['scan', '.', '--format', 'json', '--fail-on', 'never'], project);
    assert.equal(run.status, 0, run.stderr);
    const findings = JSON.parse(run.stdout).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'full-record-response');
    assert.deepEqual(
      findings.map((finding: { file: string; line: number; column: number; endColumn: number; message: string }) => [finding.file, finding.line, finding.column, finding.endColumn, finding.message]),
      [['src/user.controller.ts', 10, 12, 48, "The response returns UserEntity.password: the UserEntity returned by this.userService.findOne(…) is sent whole through the controller's return value. Select only the fields the client needs."]],
    );
  });
});
