// Which files are tests, fixtures or mocks: their secrets are often fake (hardcoded-secret reports only provider-format
// keys there) and the apps they build are not the product's API (the API model leaves their routes and mounts out).
import * as path from 'node:path';

/** Folders of unit, end-to-end and browser tests, fixtures and mocks (Jest, Mocha, Playwright, Cypress, MSW). */
const TEST_PATH = /(^|\/)(test|tests|__tests__|__mocks__|__fixtures__|fixtures|spec|mocks|e2e|cypress)\//i;
const TEST_FILE = /\.(test|spec|e2e-spec|e2e|cy)\.[cm]?[jt]sx?$/i;
/** Test-runner set-up files: `jest.setup.ts`, `vitest-e2e.setup.ts`, `test-setup.js`, `setupTests.ts`. */
const TEST_SETUP_FILE = /(^|\/)(setupTests|[^/]*\b(test|tests|e2e|jest|vitest)\b[^/]*[.-]setup)\.[cm]?[jt]sx?$/i;

export function isTestFile(filePath: string, projectRoot: string): boolean {
  let relative = path.relative(projectRoot, filePath).split(path.sep).join('/');
  if (relative.startsWith('..')) relative = filePath.split(path.sep).join('/');
  // A test folder with its own package.json is its own project: judge it by its folder name too.
  return TEST_PATH.test(relative) || TEST_FILE.test(relative) || TEST_SETUP_FILE.test(relative) || TEST_PATH.test(`${path.basename(projectRoot)}/`);
}
