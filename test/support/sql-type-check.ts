// Type-checks a fixed file against small declarations of the SQL drivers (driver packages are not installed in
// this repository): the fix must produce code the driver's own types accept. In memory, strict mode.
import * as ts from 'typescript';
import { typeCheckFiles } from './type-check';

const DRIVER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  experimentalDecorators: true,
};

/** Diagnostics of `code` as `app.ts` (`line:col message`), with `declarations` as an ambient .d.ts. */
export function typeCheck(code: string, declarations: string): string[] {
  return typeCheckFiles({ 'app.ts': code, 'drivers.d.ts': declarations }, DRIVER_OPTIONS).map((message) => message.replace(/^app\.ts:/, ''));
}
