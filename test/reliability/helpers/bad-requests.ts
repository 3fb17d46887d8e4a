// Generates requests that are wrong by construction, from a route's OpenAPI request schema and
// one valid body: each carries at least one fault the contract refuses (a missing or extra
// field, a wrong type, a value out of range, an impossible date, an unknown enum value, broken
// or deep JSON, invalid UTF-8, a wrong content type, an oversized body). None can be valid by
// accident, so none may change a row.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxItems?: number;
  example?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

export type Fault = 'schema' | 'json' | 'content-type' | 'size' | 'utf8' | 'path';

export interface BadRequest {
  fault: Fault;
  label: string;
  /** Path parameters substituted into the template, or overridden for path faults. */
  params?: Record<string, string>;
  contentType?: string | null;
  body: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export const SQL_PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE visits; --",
  '1; SELECT * FROM users --',
  '" OR ""="',
  "aksu' UNION SELECT password_hash FROM users --",
];
export const HTML_PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'];
export const BAD_DATES = [
  '2027-02-30',
  '2027-02-29',
  '2027-04-31',
  '2027-13-01',
  '2027-00-10',
  '2027-06-00',
  '2027-1-5',
  '27-01-05',
  '2027/01/05',
  '2027-01-05T00:00:00Z',
  ' 2027-06-01',
  '2027-06-01\n',
  '0000-00-00',
  '+02027-06-01',
  '２０２７-０６-０１',
  "2027-06-01' OR '1'='1",
  '',
];
const PROTO_KEYS = ['__proto__', 'constructor'];
/** Control characters no text field takes (tab and newline are allowed in multi-line ones, so not here). */
export const CONTROL_TEXT: [string, string][] = [
  ['NUL alone', '\u0000'],
  ['NUL inside', '张三\u0000李四'],
  ['bell', 'x\u0007'],
  ['escape sequence', '\u001b[2J考察'],
  ['DEL', 'a\u007fb'],
  ['C1 control', 'a\u0085b'],
];
/** Values that show nothing: a required text refuses them. */
export const INVISIBLE_TEXT: [string, string][] = [
  ['zero-width space only', '\u200b'],
  ['zero-width joiners and BOM only', '\u200d\u200c\ufeff'],
  ['ideographic spaces only', '\u3000\u3000'],
];

/** Follows `$ref`s into the document's components. */
export function resolver(doc: { components?: { schemas?: Record<string, JsonSchema> } }) {
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    if (!schema) return undefined;
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };
  return resolve;
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

/** Values that the schema refuses, each with a label. Raw JSON text where JSON.stringify cannot say it. */
function badValues(
  schema: JsonSchema,
  current: unknown,
  resolve: (s?: JsonSchema) => JsonSchema | undefined,
  required = false,
): { label: string; value?: unknown; raw?: string }[] {
  const types = typesOf(schema);
  const out: { label: string; value?: unknown; raw?: string }[] = [];
  if (!types.length && !schema.enum) return out;
  const nullable = types.includes('null');
  if (!nullable) out.push({ label: 'null', value: null });
  if (types.includes('string')) {
    out.push(
      { label: 'number for string', value: 12345 },
      { label: 'boolean for string', value: true },
      { label: 'array for string', value: ['x'] },
      { label: 'object for string', value: { a: 1 } },
    );
    if ((schema.minLength ?? 0) >= 1) out.push({ label: 'empty string', value: '' });
    // Free text (no enum, format or pattern): control characters are refused in every one, and a
    // required one must show something (docs/API.md; src/schemas/text.ts).
    if (!schema.enum && !schema.format && !schema.pattern) {
      for (const [label, value] of CONTROL_TEXT) out.push({ label, value });
      if (required && (schema.minLength ?? 0) >= 1) for (const [label, value] of INVISIBLE_TEXT) out.push({ label, value });
    }
    if (schema.maxLength !== undefined && schema.maxLength < 20_000)
      out.push({ label: `${schema.maxLength + 1} chars`, value: '长'.repeat(schema.maxLength + 1) });
    if (schema.format === 'date') for (const d of BAD_DATES) out.push({ label: `date ${JSON.stringify(d)}`, value: d });
    if (schema.format === 'email')
      out.push({ label: 'not an email', value: 'not-an-email' }, { label: 'email with spaces', value: 'a b@c d' });
    if (schema.enum || schema.pattern) {
      for (const p of [...SQL_PAYLOADS, ...HTML_PAYLOADS]) out.push({ label: `payload ${p}`, value: p });
      out.push({ label: 'unknown value', value: 'BOGUS VALUE' });
      if (schema.enum) out.push({ label: 'enum upper-cased', value: String(schema.enum[0]).toUpperCase() });
    }
  }
  if (types.includes('integer') || types.includes('number')) {
    out.push(
      { label: 'numeric string', value: '5' },
      { label: 'boolean for number', value: false },
      { label: 'array for number', value: [1] },
      { label: 'object for number', value: {} },
    );
    if (types.includes('integer')) out.push({ label: 'fraction', value: 1.5 });
    if (schema.minimum !== undefined)
      out.push({ label: 'below minimum', value: schema.minimum - 1 }, { label: 'hugely negative', value: -1e15 });
    if (schema.exclusiveMinimum !== undefined) out.push({ label: 'at exclusive minimum', value: schema.exclusiveMinimum });
    if (schema.maximum !== undefined)
      out.push(
        { label: 'above maximum', value: schema.maximum + 1 },
        { label: '1e308', value: 1e308 },
        { label: '2^53+2', value: 2 ** 53 + 2 },
        { label: '1e400 (Infinity)', raw: '1e400' },
      );
    if (schema.exclusiveMaximum !== undefined) out.push({ label: 'at exclusive maximum', value: schema.exclusiveMaximum });
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined) out.push({ label: '-1e400 (-Infinity)', raw: '-1e400' });
  }
  if (types.includes('boolean')) out.push({ label: 'string for boolean', value: 'true' }, { label: 'number for boolean', value: 1 });
  if (types.includes('array')) {
    out.push({ label: 'string for array', value: 'x' }, { label: 'object for array', value: { 0: 'x' } });
    const items = resolve(schema.items);
    const first = Array.isArray(current) ? current[0] : undefined;
    if (items && first !== undefined) {
      for (const bad of badValues(items, first, resolve))
        out.push({
          ...bad,
          label: `[0] ${bad.label}`,
          ...(bad.raw === undefined ? { value: [bad.value, ...(current as unknown[]).slice(1)] } : { raw: `[${bad.raw}]` }),
        });
      for (const nested of objectFaults(items, first, resolve)) out.push({ label: `[0].${nested.label}`, raw: `[${nested.raw}]` });
      if (schema.maxItems !== undefined && JSON.stringify(first).length * (schema.maxItems + 1) < 50_000) {
        out.push({ label: `${schema.maxItems + 1} items`, value: Array.from({ length: schema.maxItems + 1 }, () => clone(first)) });
      }
    }
  }
  if (types.includes('object')) {
    out.push({ label: 'string for object', value: 'x' }, { label: 'array for object', value: [] });
    if (current && typeof current === 'object')
      for (const nested of objectFaults(schema, current, resolve)) out.push({ label: `.${nested.label}`, raw: nested.raw });
  }
  return out;
}

/** Faults inside one object: each as the object's raw JSON text with one thing wrong. */
export function objectFaults(
  schema: JsonSchema,
  base: unknown,
  resolve: (s?: JsonSchema) => JsonSchema | undefined,
): { label: string; raw: string }[] {
  const s = resolve(schema);
  if (!s || !typesOf(s).includes('object') || !base || typeof base !== 'object' || Array.isArray(base)) return [];
  const obj = base as Record<string, unknown>;
  const out: { label: string; raw: string }[] = [];
  for (const key of s.required ?? []) {
    const without = clone(obj);
    delete without[key];
    out.push({ label: `missing ${key}`, raw: JSON.stringify(without) });
  }
  if (s.additionalProperties === false) {
    out.push({ label: 'extra field', raw: JSON.stringify({ ...obj, unexpectedField: 'x' }) });
    out.push({ label: 'extra field id', raw: JSON.stringify({ ...obj, id: 'chosen-by-client', status: 'approved' }) });
    for (const key of PROTO_KEYS)
      out.push({ label: `extra ${key}`, raw: `{"${key}":{"role":"office","isAdmin":true},${JSON.stringify(obj).slice(1)}` });
  }
  for (const [key, propSchema] of Object.entries(s.properties ?? {})) {
    const prop = resolve(propSchema);
    if (!prop) continue;
    for (const bad of badValues(prop, obj[key], resolve, (s.required ?? []).includes(key))) {
      const rest = clone(obj);
      delete rest[key];
      const restText = JSON.stringify(rest).slice(1, -1);
      const valueText = bad.raw ?? JSON.stringify(bad.value);
      out.push({ label: `${key}: ${bad.label}`, raw: `{"${key}":${valueText}${restText ? `,${restText}` : ''}}` });
    }
  }
  return out;
}

function deep(levels: number, open: string, close: string, leaf = '1'): string {
  return open.repeat(levels) + leaf + close.repeat(levels);
}

/** Every bad request for one route, from its body schema (or none) and a valid body. */
export function badRequestsFor(options: {
  schema: JsonSchema | undefined;
  base: Record<string, unknown> | undefined;
  resolve: (s?: JsonSchema) => JsonSchema | undefined;
  pathParams: string[];
}): BadRequest[] {
  const { schema, resolve } = options;
  const base = options.base ?? {};
  const baseText = JSON.stringify(base);
  const out: BadRequest[] = [];
  const add = (fault: Fault, label: string, body: string | Uint8Array<ArrayBuffer>, extra: Partial<BadRequest> = {}) =>
    out.push({ fault, label, body, contentType: 'application/json', ...extra });

  if (schema) {
    for (const f of objectFaults(schema, base, resolve)) add('schema', f.label, f.raw);
    // Injection and markup in every free-text field at once, with a required field missing so
    // the request stays invalid: the payloads travel the validation path, nothing is stored.
    const s = resolve(schema);
    const required = s?.required?.[0];
    const textKeys = Object.entries(s?.properties ?? {})
      .filter(([, p]) => {
        const r = resolve(p);
        return r && typesOf(r).includes('string') && !r.enum && !r.format && !r.pattern;
      })
      .map(([k]) => k);
    if (required && textKeys.length) {
      for (const payload of [...SQL_PAYLOADS, ...HTML_PAYLOADS]) {
        const body: Record<string, unknown> = clone(base);
        for (const k of textKeys) body[k] = payload;
        delete body[required];
        add('schema', `payload in every text field, ${required} missing: ${payload}`, JSON.stringify(body));
      }
    }
    for (const [label, text] of [
      ['array body', '[]'],
      ['array of the body', `[${baseText}]`],
      ['string body', '"hello"'],
      ['number body', '42'],
      ['null body', 'null'],
      ['true body', 'true'],
      ['deep arrays (5,000 levels)', deep(5_000, '[', ']')],
      ['deep objects (3,000 levels)', deep(3_000, '{"a":', '}')],
    ] as const) {
      add('schema', label, text);
    }
    if (s?.properties) {
      const firstKey = Object.keys(s.properties)[0]!;
      const rest = clone(base);
      delete rest[firstKey];
      const restText = JSON.stringify(rest).slice(1, -1);
      add('schema', `deep value in ${firstKey}`, `{"${firstKey}":${deep(4_000, '[', ']')}${restText ? `,${restText}` : ''}}`);
    }
  }

  const brokenJson: [string, string][] = [
    ['empty body', ''],
    ['lone brace', '{'],
    ['truncated', baseText.slice(0, Math.max(1, Math.floor(baseText.length / 2)))],
    ['trailing comma', baseText.length > 2 ? `${baseText.slice(0, -1)},}` : '{,}'],
    ['single quotes', baseText.replace(/"/g, "'")],
    ['NaN literal', '{"a":NaN}'],
    ['comment', `/* c */${baseText}`],
    ['two documents', `${baseText}${baseText}`],
    ['byte-order mark + broken', '\ufeff{"a":'],
    ['unquoted keys', '{a:1}'],
    ['control character in string', '{"a":"x\u0001y"}'],
    ['bare word', 'undefined'],
  ];
  if (schema) for (const [label, text] of brokenJson) add('json', label, text);

  // Wrong content types carrying an otherwise valid body: refused before anything reads it.
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/html',
    'application/json-seq',
    'application/jsonx',
    'json',
    'text/json',
  ]) {
    add('content-type', type, baseText, { contentType: type });
  }
  add('content-type', 'no content type (bytes)', new TextEncoder().encode(baseText), { contentType: null });

  // Over the 64 KiB limit: a megabyte string in a field, and a megabyte of whitespace.
  const big = 'x'.repeat(1024 * 1024);
  const s = schema ? resolve(schema) : undefined;
  const stringKey = Object.entries(s?.properties ?? {}).find(([, p]) => typesOf(resolve(p) ?? {}).includes('string'))?.[0] ?? 'note';
  add('size', `1 MB string in ${stringKey}`, JSON.stringify({ ...base, [stringKey]: big }));
  add('size', '1 MB of whitespace', `${' '.repeat(1024 * 1024)}${baseText}`);
  add('size', '1 MB string, wrong content type', JSON.stringify({ ...base, [stringKey]: big }), { contentType: 'text/plain' });

  // Invalid UTF-8 inside an otherwise valid body: lone continuation bytes, a truncated
  // sequence, an overlong encoding, an encoded surrogate, bytes that never occur in UTF-8.
  const encoder = new TextEncoder();
  const sequences: [string, number[]][] = [
    ['lone continuation byte', [0x80]],
    ['0xff 0xfe', [0xff, 0xfe]],
    ['truncated 3-byte sequence', [0xe4, 0xb8]],
    ['overlong slash', [0xc0, 0xaf]],
    ['encoded surrogate', [0xed, 0xa0, 0x80]],
    ['code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ];
  const marker = '\u0007MARK\u0007';
  const withMarker = JSON.stringify({ ...base, [stringKey]: `ab${marker}cd` });
  for (const [label, bytes] of schema ? sequences : []) {
    const [head, tail] = withMarker.split(JSON.stringify(marker).slice(1, -1));
    const body = new Uint8Array([...encoder.encode(head), ...bytes, ...encoder.encode(tail)]);
    add('utf8', `${label} in ${stringKey}`, body);
  }
  if (schema) add('utf8', 'invalid bytes as the whole body', new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x81]));

  for (const name of options.pathParams) {
    const values =
      name === 'year'
        ? ['abcd', '-1', '99999', '1e3', '20 27', "2027' OR '1'='1", '0x7e3']
        : [...SQL_PAYLOADS, ...HTML_PAYLOADS, '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(300), '%00', '%ff%fe'];
    for (const value of values) {
      // Already-escaped values go into the URL as they are; the rest are percent-encoded.
      const encoded = /%[0-9a-f]{2}/i.test(value) ? value : encodeURIComponent(value);
      out.push({
        fault: 'path',
        label: `${name} = ${value.slice(0, 40)}`,
        params: { [name]: encoded },
        body: options.base ? baseText : '',
        contentType: options.base ? 'application/json' : null,
      });
    }
  }
  return out;
}
