#!/usr/bin/env node
// Checks the responses the C++ API suites recorded against docs/openapi.yaml (issue 12).
//
//   node scripts/check-api-contract.mjs [RECORD_DIR] [--backends sqlite,postgresql] [--uncovered]
//
// RECORD_DIR (default: $GOTONG_API_RECORD_DIR) holds the responses-<pid>.jsonl files that
// tests/api/api_harness.cpp writes, one JSON line per response: backend, test, method, target,
// status, content_type, content_encoding, body_bytes and, for a JSON body, `body` (or
// `body_error` when it did not parse). Each response is matched to its operation (path template
// and method; HEAD is answered by GET) and must:
//   - have a status the operation documents (or a `default` response);
//   - have a Content-Type documented for that status, and a body exactly when one is documented;
//   - have a JSON body that validates against that content's schema (JSON Schema 2020-12, ajv).
// A request to a path the spec does not have must be answered 404, and a method a documented path
// does not support 405, each with a problem+json body that validates against `Problem`.
// Prints each mismatch grouped by operation and status, a coverage line, and exits 1 on any
// mismatch (2 on a usage or input error).

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const SPEC_ID = 'https://gotong.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
export const DEFAULT_SPEC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs',
  'openapi.yaml');

export function loadSpec(file = DEFAULT_SPEC) {
  return YAML.parse(readFileSync(file, 'utf8'));
}

// A copy of `value` whose `#/components/schemas/...` references point into the schema registered
// under SPEC_ID, where the component schemas live under `$defs`.
function rewriteRefs(value, prefix) {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, prefix));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/')) {
      out[key] = `${prefix}#/$defs/${item.slice('#/components/schemas/'.length)}`;
    } else {
      out[key] = rewriteRefs(item, prefix);
    }
  }
  return out;
}

// The media type of a Content-Type value: lower case, without parameters.
function mediaType(contentType) {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function isJsonType(type) {
  return type === 'application/json' || type.endsWith('+json');
}

// "/a/12/b/3" -> "/a/*/b/*": one group for the same mistake in every item of an array.
function genericPointer(pointer) {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

export class ContractChecker {
  constructor(spec) {
    this.spec = spec;
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,    // `type` beside `allOf`/`$ref` is ordinary OpenAPI style
      strictRequired: false, // `required` inside allOf branches names properties defined elsewhere
      verbose: true,         // an error's parentSchema tells which component it broke
    });
    // OpenAPI 3.1's own schema annotations, which JSON Schema does not know.
    this.ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
    addFormats(this.ajv); // date, date-time, uri, int64, password, ...
    const defs = rewriteRefs(spec.components?.schemas ?? {}, '');
    this.ajv.addSchema({ $id: SPEC_ID, $defs: defs });
    this.componentOf = new Map(Object.entries(defs).map(([name, schema]) => [schema, name]));
    this.validators = new Map();
    this.operations = [];
    for (const [template, item] of Object.entries(spec.paths ?? {})) {
      const pattern = new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}$`);
      const literals = template.split('/').filter((s) => s && !s.includes('{')).length;
      for (const method of METHODS) {
        if (!item[method]) continue;
        this.operations.push({ key: `${method.toUpperCase()} ${template}`, method: method.toUpperCase(),
          template, pattern, literals, operation: item[method] });
      }
    }
  }

  // The documented operation for `method` and the path of `target`, the best match first: the
  // template with the most literal segments wins ("/users/me" over "/users/{id}").
  findOperation(method, target) {
    const pathname = target.split(/[?#]/)[0];
    const byPath = this.operations.filter((op) => op.pattern.test(pathname))
      .sort((a, b) => b.literals - a.literals);
    if (byPath.length === 0) return { pathKnown: false };
    const best = byPath.filter((op) => op.template === byPath[0].template);
    const wanted = method === 'HEAD' && !best.some((op) => op.method === 'HEAD') ? 'GET' : method;
    return { pathKnown: true, template: best[0].template, op: best.find((op) => op.method === wanted) };
  }

  resolve(value) {
    let seen = 0;
    while (value && typeof value.$ref === 'string' && value.$ref.startsWith('#/')) {
      if (++seen > 20) throw new Error(`reference loop at ${value.$ref}`);
      value = value.$ref.slice(2).split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((node, part) => node?.[part], this.spec);
    }
    return value;
  }

  validator(key, schema) {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(schema, SPEC_ID));
      this.validators.set(key, validate);
    }
    return validate;
  }

  // The mismatches of one recorded response: [{ group, where, message }], empty when it conforms.
  // `group` names the operation and status, `where` the JSON pointer in the body ('' for the
  // response as a whole).
  check(record) {
    const { method, target, status } = record;
    const found = this.findOperation(method, target);
    if (!found.op) {
      return this.checkUnrouted(record, found);
    }
    const op = found.op;
    record.operation = op.key;
    const responses = op.operation.responses ?? {};
    const documented = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ??
      responses.default;
    const group = `${op.key} -> ${status}`;
    if (!documented) {
      return [{ group, where: '', message: `status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})` }];
    }
    record.documented = `${op.key} ${responses[String(status)] ? status : 'default'}`;
    return this.checkBody(record, group, this.resolve(documented), `${op.key} ${status}`);
  }

  checkUnrouted(record, found) {
    const expected = found.pathKnown ? 405 : 404;
    const group = found.pathKnown
      ? `${record.method} ${found.template} (method not documented) -> ${record.status}`
      : `${record.method} ${record.target.split('?')[0]} (path not documented) -> ${record.status}`;
    if (record.status !== expected) {
      return [{ group, where: '', message: found.pathKnown
        ? `the spec has no ${record.method} on this path; expected 405, got ${record.status}`
        : `the spec has no such path; expected 404, got ${record.status}` }];
    }
    const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    return this.checkBody(record, group, problem, 'Problem');
  }

  checkBody(record, group, response, cacheKey) {
    const content = response.content ?? {};
    const types = Object.keys(content);
    const type = mediaType(record.content_type);
    const hasBody = record.body_bytes > 0 || record.method === 'HEAD' && type !== '';
    if (types.length === 0) {
      return hasBody
        ? [{ group, where: '', message: `a ${type || 'typeless'} body was sent where none is documented` }]
        : [];
    }
    if (!hasBody) {
      return [{ group, where: '', message: `no body was sent; documented: ${types.join(', ')}` }];
    }
    const media = content[type] ?? content[Object.keys(content).find((t) => mediaType(t) === type)];
    if (!media) {
      return [{ group, where: '', message: `Content-Type ${type || '(none)'} is not documented (documented: ${types.join(', ')})` }];
    }
    if (record.method === 'HEAD' || !isJsonType(type) || !media.schema) return [];
    if (record.body_error || !('body' in record)) {
      return [{ group, where: '', message: `the ${type} body is not JSON${record.body_error ? `: ${record.body_error}` : ''}` }];
    }
    const validate = this.validator(`${cacheKey} ${type}`, media.schema);
    if (validate(record.body)) return [];
    return withoutEchoes(validate.errors).map((error) => ({
      group,
      where: genericPointer(error.instancePath) || '/',
      message: `${error.message}${describeParams(error)} (schema ${this.schemaWhere(error)})`,
    }));
  }

  // Where in the spec the broken rule is: "#/components/schemas/Region/additionalProperties"
  // when it belongs to a component, else its path in the operation's own schema.
  schemaWhere(error) {
    const component = this.componentOf.get(error.parentSchema);
    const local = error.schemaPath.replace(`${SPEC_ID}#/$defs/`, '#/components/schemas/');
    return component && local.startsWith('#/') && !local.startsWith('#/components/')
      ? `#/components/schemas/${component}${local.slice(1)}`
      : local;
  }
}

// The errors that say something: when a value fails one branch of `oneOf: [X, {type: 'null'}]`
// for a reason inside X, ajv also reports "must be null" and "must match exactly one schema in
// oneOf" at the same place; those two are dropped while a more telling error at or below that
// place remains.
function withoutEchoes(errors) {
  const isCombinator = (e) => e.keyword === 'oneOf' || e.keyword === 'anyOf';
  const isBranchType = (e) => e.keyword === 'type' && /\/(oneOf|anyOf)\/\d+\/type$/.test(e.schemaPath);
  const telling = errors.filter((e) => !isCombinator(e) && !isBranchType(e));
  const explained = (e) => telling.some((t) => t.instancePath === e.instancePath ||
    t.instancePath.startsWith(`${e.instancePath}/`));
  return errors.filter((e) => !(isCombinator(e) || isBranchType(e)) || !explained(e));
}

function describeParams(error) {
  const p = error.params ?? {};
  if (p.additionalProperty !== undefined) return `: "${p.additionalProperty}"`;
  if (p.unevaluatedProperty !== undefined) return `: "${p.unevaluatedProperty}"`;
  if (p.allowedValues !== undefined) return `: ${JSON.stringify(p.allowedValues)}`;
  return '';
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Every recorded line of every *.jsonl file in `dir`, each with `source` (file:line).
export function readRecords(dir) {
  const records = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(path.join(dir, name), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const record = JSON.parse(line);
      record.source = `${name}:${index + 1}`;
      records.push(record);
    });
  }
  return records;
}

// Checks every record; returns { failures, groups, records, coverage } where groups maps
// "operation -> status" to a map of "where: message" to the records that showed it.
export function checkRecords(spec, records) {
  const checker = new ContractChecker(spec);
  const groups = new Map();
  let failures = 0;
  for (const record of records) {
    const mismatches = checker.check(record);
    if (mismatches.length > 0) failures += 1;
    for (const { group, where, message } of mismatches) {
      if (!groups.has(group)) groups.set(group, new Map());
      const key = where ? `${where}: ${message}` : message;
      const seen = groups.get(group);
      if (!seen.has(key)) seen.set(key, []);
      seen.get(key).push(record);
    }
  }
  const hit = new Set(records.map((r) => r.operation).filter(Boolean));
  const documentedResponses = new Set();
  for (const op of checker.operations) {
    for (const status of Object.keys(op.operation.responses ?? {})) {
      documentedResponses.add(`${op.key} ${status}`);
    }
  }
  const responsesHit = new Set(records.map((r) => r.documented).filter((k) => documentedResponses.has(k)));
  return {
    failures,
    groups,
    records: records.length,
    coverage: {
      operations: checker.operations.length,
      hit: hit.size,
      uncovered: checker.operations.map((op) => op.key).filter((key) => !hit.has(key)),
      responses: documentedResponses.size,
      responsesHit: responsesHit.size,
    },
  };
}

// The human-readable report of checkRecords' result.
export function formatReport(result, { uncovered = false } = {}) {
  const lines = [];
  for (const [group, mismatches] of [...result.groups].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(group);
    for (const [message, records] of mismatches) {
      const first = records[0];
      lines.push(`  ${message}`);
      lines.push(`    ${records.length}x, e.g. ${first.backend} ${first.test || '(no test)'}: ${first.method} ${first.target} (${first.source})`);
    }
  }
  if (result.failures > 0) {
    lines.push(`${result.failures} of ${result.records} recorded responses do not match docs/openapi.yaml`);
  }
  const { coverage } = result;
  lines.push(`coverage: ${coverage.hit} of ${coverage.operations} operations answered at least once; ` +
    `${coverage.responsesHit} of ${coverage.responses} documented responses seen`);
  if (uncovered && coverage.uncovered.length > 0) {
    lines.push('operations no test called:', ...coverage.uncovered.map((key) => `  ${key}`));
  }
  return lines.join('\n');
}

function main(argv) {
  const args = argv.slice(2);
  let dir = process.env.GOTONG_API_RECORD_DIR;
  let backends = [];
  let uncovered = false;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--backends') backends = (args[++i] ?? '').split(',').filter(Boolean);
    else if (args[i] === '--uncovered') uncovered = true;
    else if (args[i].startsWith('-')) return usage(`unknown option ${args[i]}`);
    else dir = args[i];
  }
  if (!dir) return usage('name the folder of recorded responses (or set GOTONG_API_RECORD_DIR)');
  const records = readRecords(dir);
  if (records.length === 0) {
    console.error(`check-api-contract: no recorded responses in ${dir}; did the API suites run with GOTONG_API_RECORD_DIR set?`);
    return 2;
  }
  const result = checkRecords(loadSpec(), records);
  console.log(formatReport(result, { uncovered }));
  const counts = Object.groupBy ? Object.groupBy(records, (r) => r.backend) : groupBy(records, (r) => r.backend);
  console.log(`responses: ${records.length} (${Object.entries(counts).map(([b, rs]) => `${b} ${rs.length}`).join(', ')})`);
  const missing = backends.filter((backend) => !counts[backend]);
  if (missing.length > 0) {
    console.error(`check-api-contract: no responses recorded for ${missing.join(', ')}`);
    return 1;
  }
  return result.failures > 0 ? 1 : 0;
}

function groupBy(items, key) {
  const out = {};
  for (const item of items) (out[key(item)] ??= []).push(item);
  return out;
}

function usage(message) {
  console.error(`check-api-contract: ${message}\nusage: node scripts/check-api-contract.mjs [RECORD_DIR] [--backends sqlite,postgresql] [--uncovered]`);
  return 2;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv);
}
