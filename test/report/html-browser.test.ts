// The HTML report rendered in headless Chromium (Debian's, driven by playwright-core): the examples' report and a
// fixture whose file name, message and route path carry markup. One browser for the whole file. Every request the
// page makes other than the report itself is recorded and refused; console errors (CSP violations among them) fail.
// Without Chromium the file is skipped with a reason, except in CI, where it must run.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { allFindingMetas, Engine } from '../../server/engine/analyzer';
import { createScanReader, scanWorkspace } from '../../server/engine/workspace-scan';
import { formatReport, type ReportInput } from '../../server/report';
import { buildReportInventory } from '../../server/report/routes';
import { API_FIXTURE_FILES, makeFixtureProject, scanFixtureWithModel } from './fixture-scan';

const repoRoot = path.resolve(__dirname, '../..');
const REPORT_URL = 'http://report.invalid/report.html';
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => fs.existsSync(candidate));
const skipReason = CHROMIUM ? undefined : 'chromium is not installed (apt-get install -y chromium; .ci/run does)';
if (skipReason && process.env.CI) throw new Error(`report browser test cannot run in CI: ${skipReason}`);
if (skipReason) console.log(`# skipped report browser test: ${skipReason}`);

/** Markup in a file name, a finding message and a route path: none of it may run. */
const INJECTED_FILES: Record<string, string> = {
  ...API_FIXTURE_FILES,
  'src/<img src=x onerror=window.__pwned=2>.ts': 'export const a = "FLAG<script>window.__pwned=3</script><img src=y onerror=window.__pwned=4>";\n',
};

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

describe('HTML report in Chromium', { skip: skipReason }, () => {
  let browser: Browser;
  let examplesInput: ReportInput;
  let injectedDir: string;

  before(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const examples = path.join(repoRoot, 'examples');
    const apiIndex = new WorkspaceIndex();
    const engine = new Engine({ workspaceRoots: [examples], reader: createScanReader(), apiIndex });
    const scan = scanWorkspace(engine, { paths: ['.'], root: examples });
    examplesInput = {
      scan,
      rules: allFindingMetas([...engine.rules, ...engine.specRules]),
      tool: { name: 'apiguard', version: '0.0.0-test' },
      generatedAt: '2026-11-29T14:00:00.000Z',
      inventory: buildReportInventory(apiIndex.model(), examples, (filePath) => fs.readFileSync(filePath, 'utf8')),
    };
    injectedDir = makeFixtureProject(INJECTED_FILES);
  });

  after(async () => {
    await browser?.close();
    if (injectedDir) fs.rmSync(injectedDir, { recursive: true, force: true });
  });

  /** Serves `html` as the only thing the page may load; a stub VS Code API records what the script posts. */
  async function open(html: string): Promise<Opened> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', (route) => {
      if (route.request().url() === REPORT_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      requests.push(route.request().url());
      return route.abort();
    });
    // Strings, not functions: tsx's transform would put helpers into a function's source that the page lacks.
    await page.addInitScript({ content: 'window.__messages = []; window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__messages.push(message) });' });
    await page.goto(REPORT_URL);
    return { page, requests, errors };
  }

  it('renders the examples report: charts with titles, both finding views, the inventory; no request, no error', async () => {
    const { page, requests, errors } = await open(formatReport('html', examplesInput));
    try {
      assert.deepEqual(
        await page.locator('svg.chart title').allTextContents(),
        ['Findings by severity', 'Findings by OWASP API Security Top 10 (2023) item'],
      );
      assert.deepEqual(await page.locator('section > h2').allTextContents(), ['Summary', 'Findings by file', 'Findings by rule', 'API inventory', 'Spec coverage']);
      // Each finding is in both views, and every route of the examples is in the inventory.
      const findingRows = examplesInput.scan.files.reduce((total, file) => total + file.findings.filter((finding) => finding.severity !== 'hint').length, 0);
      assert.equal(await page.locator('#by-file tbody tr').count(), findingRows);
      assert.equal(await page.locator('#by-rule tbody tr').count(), findingRows);
      assert.equal(await page.locator('#routes tbody tr').count(), examplesInput.inventory!.routes.length);
      assert.ok(examplesInput.inventory!.routes.length >= 20);
      // The chart drew a visible bar per severity.
      const barWidths = (await page.evaluate("Array.from(document.querySelectorAll('#chart-severity rect'), (rect) => rect.getBBox().width)")) as number[];
      assert.equal(barWidths.length, 3);
      for (const width of barWidths) assert.ok(width >= 2, String(barWidths));
      // In a webview as narrow as one beside the code, the chart keeps its size (its box scrolls): labels stay 12px.
      await page.setViewportSize({ width: 360, height: 800 });
      const drawnWidths = (await page.evaluate("Array.from(document.querySelectorAll('svg.chart'), (svg) => [svg.getBoundingClientRect().width, Number(svg.getAttribute('width'))])")) as number[][];
      for (const [drawn, natural] of drawnWidths) assert.equal(drawn, natural);
      await page.setViewportSize({ width: 1200, height: 800 });
      fs.mkdirSync(path.join(repoRoot, 'test-artifacts'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'test-artifacts/report.png'), fullPage: true });
      assert.deepEqual(requests, []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('markup in a file name, a message and a route path shows as text and does not run, static or interactive', async () => {
    const input = scanFixtureWithModel(injectedDir);
    for (const interactive of [undefined, { nonce: 'bm9uY2Utbm9uY2Utbm9uY2U', cspSource: 'https://*.vscode-cdn.net' }]) {
      const { page, requests, errors } = await open(formatReport('html', input, interactive ? { interactive } : {}));
      try {
        assert.equal(await page.evaluate('window.__pwned'), undefined);
        assert.equal(await page.locator('img').count(), 0);
        assert.equal(await page.locator('script').count(), interactive ? 1 : 0);
        assert.ok((await page.locator('#by-file h3').allTextContents()).includes('src/<img src=x onerror=window.__pwned=2>.ts'));
        assert.ok((await page.locator('#by-rule td').allTextContents()).includes('Flagged FLAG<script>window.__pwned=3</script><img src=y onerror=window.__pwned=4>'));
        assert.equal(await page.locator('#routes tbody tr').first().locator('td').nth(1).textContent(), '/<script>window.__pwned=1</script>');
        assert.deepEqual(requests, []);
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    }
  });

  it('interactive: clicking posts open, showDocs, refresh and export messages; the age shows; routes sort and filter', async () => {
    const input = { ...scanFixtureWithModel(injectedDir), generatedAt: new Date(Date.now() - 3 * 60_000 - 5_000).toISOString() };
    const { page, requests, errors } = await open(formatReport('html', input, { interactive: { nonce: 'bm9uY2Utbm9uY2Utbm9uY2U', cspSource: 'https://*.vscode-cdn.net' } }));
    try {
      assert.equal(await page.locator('#age').textContent(), ' (3 minutes ago)');
      await page.locator('#by-file a', { hasText: '7:12' }).click();
      await page.locator('#by-file a[data-docs]').first().click();
      await page.locator('button[data-action=refresh]').click();
      await page.locator('button[data-export=markdown]').click();
      assert.deepEqual(await page.evaluate('window.__messages'), [
        { type: 'open', file: pathToFileURL(path.join(injectedDir, 'src/app.js')).href, line: 6, character: 11, endLine: 6, endCharacter: 32 },
        { type: 'showDocs', ruleId: 'test-flag' },
        { type: 'refresh' },
        { type: 'export', format: 'markdown' },
      ]);
      assert.equal(page.url(), REPORT_URL, 'no link navigated away');

      const paths = () => page.locator('#routes tbody tr:not([hidden]) td:nth-child(2)').allTextContents();
      assert.deepEqual(await paths(), ['/<script>window.__pwned=1</script>', '/cache', '/health', '/items/:id', '/users']);
      await page.locator('#routes th button', { hasText: 'Findings' }).click();
      assert.deepEqual((await paths()).slice(0, 2), ['/cache', '/health'], 'fewest findings first');
      await page.locator('#routes th button', { hasText: 'Findings' }).click();
      assert.deepEqual((await paths()).slice(3), ['/cache', '/health'], 'then most findings first');
      await page.locator('#route-filter').fill('get none');
      assert.deepEqual((await paths()).sort(), ['/items/:id', '/users']);
      assert.deepEqual(requests, []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
