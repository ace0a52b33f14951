// The field allow-lists a route's spec documents, for fixes that write an allow-list into code (mass-assignment's
// "Assign only allowed fields", full-record-response's "Send only …"): when every route served by the code at hand
// is documented, the spec's request (or response) properties narrow the model's fields to the endpoint's contract.
import type { ApiModel, ApiRoute } from './api-model';

/** Routes whose handler, as the model follows it, holds `position` of `filePath`. */
export function routesHandling(model: ApiModel, filePath: string, position: number): readonly ApiRoute[] {
  return model.routes.filter((route) => route.handlerAt?.filePath === filePath && route.handlerAt.start <= position && position < route.handlerAt.end);
}

/**
 * The property names the specs document for these routes' request bodies or success responses; undefined unless
 * there are routes and each one is documented with a list of properties (a free-form schema lists none).
 */
export function documentedFields(model: ApiModel, routes: readonly ApiRoute[], side: 'request' | 'response'): ReadonlySet<string> | undefined {
  if (routes.length === 0) return undefined;
  const names = new Set<string>();
  for (const route of routes) {
    const operation = model.specs.operationForRoute(route)?.operation;
    const fields = side === 'request' ? operation?.requestFields : operation?.responseFields;
    if (!fields) return undefined;
    for (const name of fields) names.add(name);
  }
  return names;
}

/** `fields` narrowed to the documented ones; the fields unchanged when nothing is documented or nothing would be left. */
export function narrowToDocumented(fields: string[], documented: ReadonlySet<string> | undefined): string[] {
  if (!documented) return fields;
  const narrowed = fields.filter((name) => documented.has(name));
  return narrowed.length > 0 ? narrowed : fields;
}
