// JSON Schemas of the OpenAPI document as readable field tables for /docs: `$ref`s resolved to the
// component they name, `allOf` merged, nested objects shown inline up to a depth, so a reader
// sees each request and answer field by field without any script.
import type { Child } from 'hono/jsx';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  description?: string;
  format?: string;
  pattern?: string;
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  nullable?: boolean;
}

export type Components = Record<string, JsonSchema | undefined>;

/** Text with `code` spans, as the OpenAPI descriptions write them (no other markdown is used). */
export function Prose(props: { text: string | undefined }): Child {
  const parts = (props.text ?? '').split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

/** Nested objects are drawn this deep; below it the type name stands for the object. */
const MAX_DEPTH = 3;

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** The schema a `$ref` names, with `allOf` parts merged into one object; cycles stop at the name. */
export function resolve(schema: JsonSchema, components: Components, seen: ReadonlySet<string> = new Set()): JsonSchema {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    const target = components[name];
    if (!target || seen.has(name)) return { type: name, description: schema.description };
    return resolve(target, components, new Set([...seen, name]));
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolve(part, components, seen));
    return {
      type: 'object',
      description: schema.description,
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return schema;
}

/** "string (date)", "integer", "array of Visit", "one of: …" — the type in a few words. */
export function typeLabel(schema: JsonSchema, components: Components): string {
  if (schema.$ref) return refName(schema.$ref);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeLabel(v, components)).join(' or ');
  if (schema.allOf) return schema.allOf.map((v) => typeLabel(v, components)).join(' and ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = schema.nullable || types.includes('null');
  const base = types.filter((t) => t !== 'null');
  let label = base.join(' or ') || 'any';
  if (label === 'array' && schema.items) label = `array of ${typeLabel(schema.items, components)}`;
  if (schema.format) label += ` (${schema.format})`;
  return nullable ? `${label}, or null` : label;
}

/** Bounds, patterns, allowed values and examples, as one short line. */
export function constraints(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.enum) parts.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? '…'}..${schema.maximum ?? '…'}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined)
    parts.push(`${schema.minLength ?? 0}..${schema.maxLength ?? '…'} characters`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined)
    parts.push(`${schema.minItems ?? 0}..${schema.maxItems ?? '…'} items`);
  if (schema.pattern) parts.push(`pattern ${schema.pattern}`);
  if (schema.example !== undefined) parts.push(`e.g. ${JSON.stringify(schema.example)}`);
  return parts.join('; ');
}

/** The object behind a field, if it has fields of its own to show (directly or as array items). */
function nestedObject(schema: JsonSchema, components: Components): JsonSchema | null {
  const inner = schema.type === 'array' && schema.items ? schema.items : schema;
  const resolved = resolve(inner, components);
  return resolved.properties && Object.keys(resolved.properties).length > 0 ? resolved : null;
}

export function SchemaTable(props: { schema: JsonSchema; components: Components; depth?: number }): Child {
  const depth = props.depth ?? 0;
  const resolved = resolve(props.schema, props.components);
  if (!resolved.properties) {
    return (
      <p class="schema-scalar">
        <code>{typeLabel(props.schema, props.components)}</code> {constraints(resolved)}
      </p>
    );
  }
  const required = new Set(resolved.required ?? []);
  return (
    <div class="table-wrap">
      <table class="schema">
        <thead>
          <tr>
            <th scope="col">field</th>
            <th scope="col">type</th>
            <th scope="col">notes</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(resolved.properties).map(([name, field]) => {
            const nested = depth < MAX_DEPTH ? nestedObject(field, props.components) : null;
            const own = resolve(field, props.components);
            const notes = [field.description ?? own.description, constraints(own)].filter(Boolean).join(' · ');
            return (
              <tr>
                <td>
                  <code>{name}</code>
                  {required.has(name) ? <span class="req"> required</span> : null}
                </td>
                <td>{typeLabel(field, props.components)}</td>
                <td>
                  {notes}
                  {nested ? <SchemaTable schema={nested} components={props.components} depth={depth + 1} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
