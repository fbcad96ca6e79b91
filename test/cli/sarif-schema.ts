// The published SARIF 2.1.0 schema (OASIS errata 01, a JSON Schema draft-04 document), kept in the
// fixtures because tests run without network, compiled once with Ajv's draft-04 validator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const schemaPath = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

export function sarifValidator(): (log: unknown) => string[] {
  // Both packages are CommonJS: their classes sit on `default` when imported from ESM.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}
