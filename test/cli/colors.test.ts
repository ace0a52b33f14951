// Colors: only for a TTY without NO_COLOR. Runs runCli in-process with a fake terminal (a child process's stdout
// is never a TTY, see scan.test.ts for that side).
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/cli/main';
import { copyFixture, normalizeDuration, removeDir } from './support';

function capture(isTTY: boolean) {
  let text = '';
  return {
    stream: { isTTY, write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream & { isTTY?: boolean },
    text: () => text,
  };
}

describe('text colors', () => {
  let project: string;
  before(() => {
    project = copyFixture('project');
  });
  after(() => removeDir(project));

  it('colors severity, rule and summary on a TTY', () => {
    const stdout = capture(true);
    const stderr = capture(false);
    assert.equal(runCli(['scan'], { stdout: stdout.stream, stderr: stderr.stream, cwd: project, env: {} }), 0);
    assert.equal(
      normalizeDuration(stdout.text()),
      'src/app.ts:7:1  \u001b[33mwarning\u001b[0m  \u001b[2munused-suppression\u001b[0m  Unused suppression: no "hardcoded-secret" finding on line 8. Remove the comment.\n' +
        'src/routes/users.ts:6:28  \u001b[33mwarning\u001b[0m  \u001b[2munused-suppression\u001b[0m  Unused suppression: no "hardcoded-secret" finding on line 6. Remove the comment.\n' +
        '\n' +
        '\u001b[1m\u001b[33m0 errors, 2 warnings in 2 files (4 files scanned in <T> ms)\u001b[0m\n',
    );
    assert.equal(stderr.text(), '');
  });

  it('no colors on a TTY when NO_COLOR is set (any value, even empty)', () => {
    for (const value of ['1', '']) {
      const stdout = capture(true);
      runCli(['scan'], { stdout: stdout.stream, stderr: capture(false).stream, cwd: project, env: { NO_COLOR: value } });
      assert.ok(!stdout.text().includes('\u001b['), JSON.stringify(value));
    }
  });

  it('no colors in other formats, even on a TTY', () => {
    const stdout = capture(true);
    runCli(['scan', '--format', 'json'], { stdout: stdout.stream, stderr: capture(false).stream, cwd: project, env: {} });
    assert.ok(!stdout.text().includes('\u001b['));
    assert.equal(JSON.parse(stdout.text()).summary.warnings, 2);
  });
});
