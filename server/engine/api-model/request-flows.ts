// Where request data goes across modules: from the calls that hand it to a function of another file (the summaries'
// `requestArguments`) through the parameter flows of exported functions (handler → service → repository), at most
// MAX_HOPS calls deep. Built lazily from a linked model, once per link; answers `ApiModel.requestDataInto`.
import * as path from 'node:path';
import type { RequestPath, RequestStep } from '../../../rules/support/api-model';
import type { Linker } from './link';
import type { FileSummary, FunctionSummary, ValueRef } from './summary';

const MAX_HOPS = 3;

interface Reached {
  file: FileSummary;
  fn: FunctionSummary;
  parameter: number;
  path: RequestPath;
}

export class RequestFlows {
  /** Function → parameter → the first path found (shortest first, then by caller file and line). */
  private readonly reached = new Map<FunctionSummary, Map<number, RequestPath>>();
  private readonly reachedFiles = new Map<string, Reached[]>();

  constructor(
    private readonly files: ReadonlyMap<string, FileSummary>,
    private readonly linker: Linker,
  ) {
    const queue: Reached[] = [];
    const add = (target: { file: FileSummary; fn: FunctionSummary } | undefined, parameter: number, carried: RequestPath) => {
      if (!target || parameter < 0) return;
      const byParameter = this.reached.get(target.fn) ?? new Map<number, RequestPath>();
      if (byParameter.has(parameter)) return;
      byParameter.set(parameter, carried);
      this.reached.set(target.fn, byParameter);
      const entry = { ...target, parameter, path: carried };
      queue.push(entry);
      const inFile = this.reachedFiles.get(target.file.filePath) ?? [];
      inFile.push(entry);
      this.reachedFiles.set(target.file.filePath, inFile);
    };
    const ordered = [...files.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
    for (const file of ordered) {
      for (const argument of file.requestArguments ?? []) {
        const target = this.functionCalled(file, argument.callee);
        if (target && target.file !== file) add(target, argument.argument, { source: argument.source, steps: [{ call: argument.call, at: argument.at }] });
      }
    }
    // Breadth first: a path of fewer calls wins over a longer one into the same parameter.
    for (let i = 0; i < queue.length; i++) {
      const { file, fn, parameter, path: carried } = queue[i]!;
      if (carried.steps.length >= MAX_HOPS) continue;
      for (const flow of fn.parameterFlows ?? []) {
        if (flow.parameter !== parameter) continue;
        const step: RequestStep = { call: flow.call, at: flow.at };
        add(this.functionCalled(file, flow.callee), flow.argument, { source: carried.source, steps: [...carried.steps, step] });
      }
    }
  }

  /** The path by which request data reaches parameter `parameter` of the function starting at `functionStart`. */
  into(filePath: string, functionStart: number, parameter: number): RequestPath | undefined {
    for (const entry of this.reachedFiles.get(path.resolve(filePath)) ?? []) {
      if (entry.fn.at.start === functionStart && entry.parameter === parameter) return entry.path;
    }
    return undefined;
  }

  /** Some function of the file is given request data from another module and hands that parameter to a call. */
  receives(filePath: string): boolean {
    return (this.reachedFiles.get(path.resolve(filePath)) ?? []).some((entry) => entry.fn.parameterFlows?.some((flow) => flow.parameter === entry.parameter));
  }

  /** What reaches the file, as text: when it changes, the file's sinks may be judged differently. */
  signature(filePath: string): string {
    const entries = this.reachedFiles.get(path.resolve(filePath)) ?? [];
    return JSON.stringify(entries.map((entry) => [entry.fn.id, entry.parameter, entry.path.source, entry.path.steps.map((step) => [step.call, step.at.filePath, step.at.line])]));
  }

  /** The function a callee names: a function or object method through imports, or a method of a class (`ProductsService.search`). */
  private functionCalled(file: FileSummary, callee: ValueRef): { file: FileSummary; fn: FunctionSummary } | undefined {
    if (callee.kind === 'name' && callee.members?.length === 1) {
      const method = this.classMethod(file, callee.name, callee.members[0]!);
      if (method) return method;
    }
    const resolved = this.linker.resolve(file, callee);
    return resolved.kind === 'function' ? { file: resolved.file, fn: resolved.fn } : undefined;
  }

  /** `ProductsService` + `search` (an imported or own class), or a module exporting an instance (`module.exports = new ProductService()`). */
  private classMethod(file: FileSummary, localName: string, method: string): { file: FileSummary; fn: FunctionSummary } | undefined {
    const imported = file.imports[localName];
    if (!imported) {
      const fn = methodOf(file, localName, method);
      return fn ? { file, fn } : undefined;
    }
    const target = this.linker.resolveModule(file.filePath, imported.module);
    if ('package' in target) return undefined;
    const exportName = imported.imported === '*' ? 'default' : imported.imported;
    const fn = methodOf(target, classNameOf(target.exports[exportName]) ?? exportName, method);
    return fn ? { file: target, fn } : undefined;
  }
}

/** Methods of exported classes are summarised as `Class.method`. */
function methodOf(file: FileSummary, className: string, method: string): FunctionSummary | undefined {
  const name = `${className}.${method}`;
  return Object.values(file.functions).find((fn) => fn.name === name);
}

/** The class an export holds or instantiates: `export default ProductsService`, `module.exports = new ProductService()`. */
function classNameOf(ref: ValueRef | undefined): string | undefined {
  if (ref?.kind === 'name' && !ref.members) return ref.name;
  if (ref?.kind === 'opaque') return /^new\s+([A-Za-z_$][\w$]*)\s*\(/.exec(ref.text)?.[1];
  return undefined;
}
