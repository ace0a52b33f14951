// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (the copy @microsoft/jest-sarif ships; it
// is draft-04, hence ajv-draft-04). URI formats are checked too: GitHub rejects malformed artifact URIs.
import * as fs from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let validator: ReturnType<Ajv['compile']> | undefined;

/** The schema errors, or [] when the log is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validator) {
    // The schema's language-tag pattern is not valid under the `u` flag; ajv must compile patterns without it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
  }
  if (validator(log)) return [];
  return (validator.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}
