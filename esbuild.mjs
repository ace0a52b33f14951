// Bundles the three entry points into dist/. The extension host provides `vscode`; everything else is inlined
// so the packaged .vsix needs no node_modules.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // TypeScript's compiler is large; keep it minified-free so stack traces in bug reports stay readable.
  minify: false,
  // jsonc-parser's UMD "main" hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

// `import * as ts from 'typescript'` of a CommonJS module bundles to an object of ~1,900 getters (esbuild's ESM
// interop), so every `ts.isIdentifier`/`ts.SyntaxKind` read in rules and the engine was a getter call on a
// dictionary-mode object: ~20% of a CLI scan. This shim re-exports TypeScript as ES module bindings, which
// esbuild links directly (`ts.isIdentifier(x)` becomes `isIdentifier(x)`). Same module, same objects.
const typescriptExports = Object.keys(createRequire(import.meta.url)('typescript')).filter(
  (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default',
);
const typescriptAsEsm = {
  name: 'typescript-as-esm',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, (args) =>
      args.pluginData === 'typescript-shim' ? undefined : { path: 'typescript', namespace: 'typescript-shim' },
    );
    build.onLoad({ filter: /.*/, namespace: 'typescript-shim' }, () => ({
      contents: `import ts from 'typescript';\nexport default ts;\nexport const { ${typescriptExports.join(', ')} } = ts;\n`,
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      pluginData: 'typescript-shim',
      loader: 'js',
    }));
  },
};
// SARIF carries each rule's page as its help text: the bundles embed docs/rules and docs/engine in place of
// server/report/doc-pages.ts (which reads them from disk when run from source), so dist/cli.js is self-contained.
const docsRoot = fileURLToPath(new URL('./docs/', import.meta.url));
const embeddedDocPages = {
  name: 'embedded-doc-pages',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]report[\\/]doc-pages\.ts$/ }, () => {
      const pages = {};
      for (const folder of ['rules', 'engine']) {
        for (const name of fs.readdirSync(path.join(docsRoot, folder)).sort()) {
          if (name.endsWith('.md')) pages[`${folder}/${name}`] = fs.readFileSync(path.join(docsRoot, folder, name), 'utf8');
        }
      }
      return {
        contents: `const PAGES = ${JSON.stringify(pages)};\nexport function docPageText(page) { return Object.prototype.hasOwnProperty.call(PAGES, page) ? PAGES[page] : undefined; }\n`,
        loader: 'js',
        watchFiles: Object.keys(pages).map((page) => path.join(docsRoot, page)),
      };
    });
  },
};
common.plugins = [typescriptAsEsm, embeddedDocPages];

const builds = [
  { ...common, entryPoints: { client: 'client/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/lsp/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

// The type checker needs TypeScript's own lib files (Promise, Array, …). Bundled, TypeScript looks for them beside
// the executing file, so they ship in dist/typescript-lib/ and server/engine/type-info.ts points the host there.
const typescriptLib = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript')), '.');
const shippedLib = fileURLToPath(new URL('./dist/typescript-lib/', import.meta.url));
fs.mkdirSync(shippedLib, { recursive: true });
for (const name of fs.readdirSync(typescriptLib)) {
  if (/^lib\..*\.d\.ts$|^lib\.d\.ts$/.test(name)) fs.copyFileSync(path.join(typescriptLib, name), path.join(shippedLib, name));
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
