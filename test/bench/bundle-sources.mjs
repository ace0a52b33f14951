// Benchmarks that time the engine in-process run it from an esbuild bundle made like dist/: TypeScript re-exported
// as ES bindings (see esbuild.mjs), because under tsx every `ts.X` read is an interop getter call and the numbers
// would not be the product's.
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles `exportLines` (`export { X } from './server/…'`, relative to the repository root) into `outfile` and
 * imports it.
 */
export async function bundleSources(exportLines, outfile) {
  const esbuild = await import('esbuild');
  const typescriptExports = Object.keys(require('typescript')).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  await esbuild.build({
    stdin: { contents: exportLines.join('\n'), resolveDir: REPO_ROOT, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    plugins: [
      {
        name: 'typescript-as-esm',
        setup(build) {
          build.onResolve({ filter: /^typescript$/ }, (args) => (args.pluginData === 'shim' ? undefined : { path: 'typescript', namespace: 'shim' }));
          build.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({
            contents: `import ts from 'typescript';\nexport default ts;\nexport const { ${typescriptExports.join(', ')} } = ts;\n`,
            resolveDir: REPO_ROOT,
            pluginData: 'shim',
            loader: 'js',
          }));
        },
      },
    ],
  });
  return import(pathToFileURL(path.resolve(outfile)).href);
}
