// What bounds a value a client sends, for spec/unbounded-string and spec/unbounded-number: string formats whose
// validators fix the length, upload formats, and the names of page and batch sizes.

/** Formats whose common validators (ajv-formats and the like) only accept values of bounded length. */
export const BOUNDED_FORMATS: ReadonlySet<string> = new Set(['uuid', 'date', 'date-time', 'time', 'ipv4', 'ipv6', 'hostname']);
/** Not text a validator reads as characters: uploads and streams, limited by the body size. */
export const BINARY_FORMATS: ReadonlySet<string> = new Set(['binary']);

/**
 * Whole names (lower-cased, without `_`/`-`) of page and batch sizes. Whole names only: measured on Kubernetes'
 * spec, last-word matching took `revisionHistoryLimit`, `restartCount` and `maxReplicas` for page sizes.
 */
export const PAGE_SIZE_NAMES: ReadonlySet<string> = new Set([
  'limit', 'perpage', 'pagesize', 'pagelimit', 'size', 'count', 'top', 'first', 'last', 'take',
  'maxresults', 'maxrecords', 'maxpagesize', 'resultsperpage', 'itemsperpage',
]);
