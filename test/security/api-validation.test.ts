// Every Api method, as a hostile page would call it: wrong types, extra keys, huge strings and
// arrays. Each call must come back {ok: false} naming the method, and change nothing. The bad
// inputs are derived from the contract itself, so a method added later is covered too.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandlers } from '../../electron/services/api-handlers.js';
import { backupsDir } from '../../electron/services/backup/backup-files.js';
import { exportLibrary } from '../../electron/services/backup/library-export.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { Library } from '../../electron/services/library/library.js';
import { startServer } from '../../electron/server.js';
import { API_METHODS, apiInputs, parseApiCall, SESSION_HEADER, type ApiMethod } from '../../shared/api.js';
import { tempLibraryPath } from '../helpers/temp-dir.js';
import { fillLibrary } from '../services/backup/fill-library.js';

interface JsonSchema {
  type?: string;
  anyOf?: JsonSchema[];
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}
type Root = JsonSchema & { $defs?: Record<string, JsonSchema> };

/** Strings longer than this are not built: the transport caps bodies well below it anyway. */
const HUGE_LIMIT = 20_000_000;

function resolve(root: Root, s: JsonSchema): JsonSchema {
  return s.$ref ? root.$defs![s.$ref.replace('#/$defs/', '')]! : s;
}

function typesOf(root: Root, s: JsonSchema): string[] {
  const r = resolve(root, s);
  if (r.anyOf) return r.anyOf.flatMap((o) => typesOf(root, o));
  return r.type ? [r.type] : ['any'];
}

/** The smallest valid value of a schema. */
function sample(root: Root, s: JsonSchema): unknown {
  const r = resolve(root, s);
  if (r.anyOf) return sample(root, r.anyOf.find((o) => o.type !== 'null') ?? r.anyOf[0]!);
  if (r.enum) return r.enum[0];
  switch (r.type) {
    case 'object':
      return Object.fromEntries((r.required ?? []).map((k) => [k, sample(root, r.properties![k]!)]));
    case 'array':
      return Array.from({ length: r.minItems ?? 0 }, () => sample(root, r.items!));
    case 'integer':
    case 'number':
      return Math.max(1, r.minimum ?? 1, (r.exclusiveMinimum ?? 0) + 1);
    case 'string':
      return r.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'a'.repeat(r.minLength ?? 1);
    case 'boolean':
      return false;
    default:
      return null;
  }
}

const JSON_TYPE_OF = (v: unknown): string[] =>
  v === null ? ['null'] : Array.isArray(v) ? ['array'] : typeof v === 'number' ? (Number.isInteger(v) ? ['integer', 'number'] : ['number']) : [typeof v];

/** Values a field must refuse: wrong types, out of range, too long, too many, unknown keys. */
function badValues(root: Root, s: JsonSchema): unknown[] {
  const allowed = typesOf(root, s);
  if (allowed.includes('any')) return [];
  const bad: unknown[] = [42, 'x', true, [], {}, null].filter((v) => !JSON_TYPE_OF(v).some((t) => allowed.includes(t)));
  const options = resolve(root, s).anyOf?.map((o) => resolve(root, o)) ?? [resolve(root, s)];
  for (const r of options) {
    if (r.type === 'integer') bad.push(1.5, r.exclusiveMinimum ?? (r.minimum ?? 1) - 1, Number.MAX_SAFE_INTEGER * 4);
    if (r.type === 'string' && r.enum) bad.push('not-one-of-them');
    if (r.type === 'string' && r.format === 'uuid') bad.push('not-a-uuid');
    if (r.type === 'string' && r.maxLength !== undefined && r.maxLength < HUGE_LIMIT) bad.push('a'.repeat(r.maxLength + 1));
    if (r.type === 'array' && (r.minItems ?? 0) > 0) bad.push([]);
    if (r.type === 'array' && r.maxItems !== undefined) bad.push(Array.from({ length: r.maxItems + 1 }, () => sample(root, r.items!)));
    if (r.type === 'object' && r.additionalProperties === false) bad.push({ ...(sample(root, r) as object), unexpectedKey: 1 });
  }
  return bad;
}

interface Case { method: ApiMethod; what: string; input: unknown }

function badCalls(method: ApiMethod): { valid: unknown; root: Root; cases: Case[] } {
  const root = z.toJSONSchema(apiInputs[method], { io: 'input', unrepresentable: 'any' }) as Root;
  const valid = sample(root, root);
  const cases: Case[] = ['a string', 7, [valid], true].map((input) => ({ method, what: `the whole input ${JSON.stringify(input).slice(0, 30)}`, input }));
  cases.push({ method, what: 'an extra key', input: { ...(valid as object), extra: 1 } });
  cases.push({ method, what: 'a __proto__ key', input: JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid).slice(1, -1) || '"x": 1'}}`) });
  for (const [key, field] of Object.entries(root.properties ?? {})) {
    for (const bad of badValues(root, field)) {
      const shown = typeof bad === 'string' && bad.length > 20 ? `a ${bad.length}-character string` : Array.isArray(bad) && bad.length > 3 ? `${bad.length} items` : JSON.stringify(bad);
      cases.push({ method, what: `${key} = ${shown}`, input: { ...(valid as object), [key]: bad } });
    }
  }
  return { valid, root, cases };
}

function snapshot(library: Library) {
  const { exportedAt: _, ...rest } = exportLibrary(library);
  return JSON.stringify(rest);
}

describe('every Api method rejects malformed arguments and changes nothing', () => {
  it('has a strict contract: no method accepts keys it does not name', () => {
    for (const method of API_METHODS) {
      const root = z.toJSONSchema(apiInputs[method], { io: 'input', unrepresentable: 'any' }) as Root;
      expect(root.additionalProperties, method).toBe(false);
    }
  });

  it.each(API_METHODS)('%s', async (method) => {
    const library = Library.open(tempLibraryPath());
    fillLibrary(library);
    const handlers = createHandlers(library);
    const before = snapshot(library);
    const { valid, cases } = badCalls(method);
    // The base input is valid, so each rejection below is for the one thing made wrong.
    expect(parseApiCall(method, valid), `${method} ${JSON.stringify(valid)}`).toMatchObject({ ok: true });
    expect(cases.length).toBeGreaterThanOrEqual(6);
    for (const c of cases) {
      const response = await dispatch(handlers, method, c.input);
      expect(response, `${method}: ${c.what}`).toMatchObject({ ok: false, error: expect.stringContaining(method) });
    }
    expect(snapshot(library)).toBe(before);
    expect(fs.existsSync(backupsDir(library.path))).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    library.close();
  });

  it.each([
    ['createCard', (deep: object) => ({ tag: 'deep', body: deep })],
    ['createBrief', (deep: object) => ({ doc: deep })],
    ['sendNodesToSpeech', (deep: object) => ({ nodes: [deep] })],
    ['setSettings', (deep: object) => deep],
  ] as const)('%s answers an input nested 900 deep with an error value, never a throw', async (method, input) => {
    const library = Library.open(tempLibraryPath());
    const handlers = createHandlers(library);
    let deep: object = { type: 'paragraph' };
    for (let i = 0; i < 900; i++) deep = { type: 'body', content: [deep] };
    expect(JSON.stringify(deep).length).toBeLessThan(30_000);
    await expect(dispatch(handlers, method, input(deep))).resolves.toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^Invalid arguments to ${method}: nested more than 200 levels deep`)) });
    // Just inside the limit, the schemas and the store still answer with a value.
    let deepest: object = { type: 'text', text: 'x' };
    for (let i = 0; i < 95; i++) deepest = { type: 'paragraph', content: [deepest] };
    await expect(dispatch(handlers, method, input(deepest))).resolves.toMatchObject({ ok: expect.any(Boolean) });
    library.close();
  });

  it('startImport takes no file paths: a compromised page cannot make the app read a file on the computer', async () => {
    const library = Library.open(tempLibraryPath());
    const handlers = createHandlers(library);
    for (const paths of [['/etc/passwd'], [library.path], ['C:\\Users\\d\\Documents']]) {
      expect(await dispatch(handlers, 'startImport', { paths })).toEqual({ ok: false, error: expect.stringMatching(/^Invalid arguments to startImport: .*paths/) });
    }
    expect(await dispatch(handlers, 'listJobs', {})).toEqual({ ok: true, value: [] });
    expect(library.info()).toMatchObject({ articles: 0, briefs: 0, cards: 0 });
    library.close();
  });

  it('stores only known highlight colours (or #rrggbb shading), from any entry that writes a document', async () => {
    const library = Library.open(tempLibraryPath());
    const handlers = createHandlers(library);
    const body = (colour: unknown) => ({ type: 'body', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'spoken', marks: [{ type: 'highlight', attrs: { colour } }] }] }] });
    const doc = (colour: unknown) => ({ type: 'doc', content: [{ type: 'card', content: [{ type: 'tag', content: [{ type: 'text', text: 'T' }] }, { type: 'cite' }, body(colour)] }] });
    for (const colour of ['red;background:url(https://evil.example/x)', 'Yellow ', '#ff0', '#12345g', '#1234567', 42, null]) {
      for (const [method, input] of [['createCard', { body: body(colour) }], ['createBrief', { doc: doc(colour) }], ['sendNodesToSpeech', { nodes: doc(colour).content }]] as const) {
        expect(await dispatch(handlers, method, input), `${method} ${String(colour)}`).toEqual({ ok: false, error: expect.stringMatching(/highlight colour must be one of yellow, green, cyan/) });
      }
    }
    expect(library.info()).toMatchObject({ cards: 0, briefs: 0 });
    // A shading fill imported as highlighting is kept as its hex colour.
    for (const colour of ['yellow', 'darkGray', 'white', '#C0FFEE', undefined]) {
      expect(await dispatch(handlers, 'createCard', { body: body(colour) })).toMatchObject({ ok: true });
    }
    library.close();
  });

  it('refuses the same over HTTP, and a body that is not JSON', async () => {
    const library = Library.open(tempLibraryPath());
    fillLibrary(library);
    const server = await startServer({ handlers: createHandlers(library), rendererDir: '/nonexistent' });
    const before = snapshot(library);
    try {
      for (const method of API_METHODS) {
        const bodies = ['{"truncated": ', 'null null', ...badCalls(method).cases.slice(0, 6).map((c) => JSON.stringify(c.input))];
        for (const body of bodies) {
          const res = await fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: server.token }, body });
          expect(res.status).toBe(200);
          expect(await res.json(), `${method} ${body.slice(0, 40)}`).toMatchObject({ ok: false });
        }
      }
      expect(await (await fetch(`${server.url}/api/__proto__`, { method: 'POST', headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: server.token }, body: '{}' })).json()).toMatchObject({ ok: false, error: /Unknown Api method/ });
    } finally {
      await server.close();
    }
    expect(snapshot(library)).toBe(before);
    library.close();
  });
});
