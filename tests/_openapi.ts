import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '../server/src/features/docs/docs.router.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
ajv.addSchema(openApiDocument(), 'openapi');

/** Asserts that a response body matches a schema of the OpenAPI document's components. */
export function assertMatchesSchema(schema: string, body: unknown): void {
  const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`);
  assert.ok(validate, `no schema ${schema} in server/openapi.yaml`);
  const valid = validate(body);
  assert.ok(valid, `the body does not match ${schema}: ${ajv.errorsText(validate.errors)}`);
}
