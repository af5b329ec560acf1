// Generates the web app's API types, web/src/lib/api/schema.d.ts, from docs/openapi.yaml
// (`npm run gen:api-types`), or with --check fails when the committed file is not what the
// spec generates (`npm run check:api-types`, part of `npm run lint:web`).
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';

const spec = new URL('../docs/openapi.yaml', import.meta.url);
const target = new URL('../web/src/lib/api/schema.d.ts', import.meta.url);
const shown = 'web/src/lib/api/schema.d.ts';

const ast = await openapiTS(spec, {
  // A property with a `default` stays optional unless the spec requires it: the server may omit
  // it in a request body, and the spec's `required` lists say what a response always carries.
  defaultNonNullable: false,
  // A free-form object (an audit entry's before/after) is Record<string, unknown>, not never.
  emptyObjectsUnknown: true,
  // `npm run lint:api` lints the spec (and knows its ignore list); no second lint report here.
  silent: true,
});
const generated = COMMENT_HEADER + astToString(ast);

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing: stale as well
  }
  if (committed !== generated) {
    console.error(`${shown} is not what docs/openapi.yaml generates: run npm run gen:api-types`);
    process.exit(1);
  }
} else {
  writeFileSync(target, generated);
  console.log(`${shown} written from docs/openapi.yaml`);
}
