// The API reference page at /docs, rendered on the server from the same OpenAPI document as
// /openapi.json (no external script or stylesheet, so it works offline and under the CSP). Each
// operation shows its parameters, its request body and its answers field by field, with every
// `$ref` resolved (docs-schema.tsx).
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { type Components, constraints, type JsonSchema, Prose, SchemaTable, typeLabel } from './docs-schema.js';

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Components };
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface Content {
  schema?: JsonSchema;
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, Content | undefined> };
  responses?: Record<string, { description?: string; content?: Record<string, Content | undefined> } | undefined>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The schema of a body, whichever media type it is declared under (JSON first). */
function bodySchema(content: Record<string, Content | undefined> | undefined): { type: string; schema: JsonSchema } | null {
  const entries = Object.entries(content ?? {});
  const [type, media] = entries.find(([t]) => t === 'application/json') ?? entries[0] ?? [];
  return type && media?.schema ? { type, schema: media.schema } : null;
}

function anchorOf(method: string, path: string): string {
  return `${method}-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

function Parameters(props: { parameters: Parameter[]; components: Components }) {
  return (
    <div class="table-wrap">
      <table class="schema">
        <thead>
          <tr>
            <th scope="col">parameter</th>
            <th scope="col">in</th>
            <th scope="col">type</th>
            <th scope="col">notes</th>
          </tr>
        </thead>
        <tbody>
          {props.parameters.map((p) => (
            <tr>
              <td>
                <code>{p.name}</code>
                {p.required ? <span class="req"> required</span> : null}
              </td>
              <td>{p.in}</td>
              <td>{p.schema ? typeLabel(p.schema, props.components) : ''}</td>
              <td>{[p.description, p.schema ? constraints(p.schema) : ''].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OperationView(props: { path: string; method: string; op: Operation; components: Components }) {
  const { op, components } = props;
  const request = bodySchema(op.requestBody?.content);
  return (
    <article class="op" id={anchorOf(props.method, props.path)}>
      <h3>
        <span class="m">{props.method}</span> <code>{props.path}</code>
      </h3>
      <p>
        <Prose text={op.summary} />
      </p>
      {op.description ? (
        <p class="muted">
          <Prose text={op.description} />
        </p>
      ) : null}
      {op.parameters?.length ? <Parameters parameters={op.parameters} components={components} /> : null}
      {request ? (
        <details open>
          <summary>Request body ({request.type})</summary>
          <SchemaTable schema={request.schema} components={components} />
        </details>
      ) : null}
      <ul class="responses">
        {Object.entries(op.responses ?? {}).map(([status, response]) => {
          const answer = bodySchema(response?.content);
          return (
            <li>
              <code>{status}</code> <Prose text={response?.description} />
              {answer && status.startsWith('2') ? (
                <details>
                  <summary>Answer body ({answer.type})</summary>
                  <SchemaTable schema={answer.schema} components={components} />
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </article>
  );
}

export function docsPage(document: () => unknown) {
  return (c: Context<AppEnv>) => {
    const doc = document() as OpenApiDoc;
    const components = doc.components?.schemas ?? {};
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const op = item?.[method];
        return op ? [{ path, method, op }] : [];
      }),
    );
    const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? 'Other'))];
    const inTag = (tag: string) => operations.filter((o) => (o.op.tags?.[0] ?? 'Other') === tag);
    return c.html(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{doc.info.title} — API reference</title>
          <link rel="stylesheet" href="/static/app.css" />
        </head>
        <body class="docs">
          <h1>{doc.info.title}</h1>
          <p>
            Version {doc.info.version}. {doc.info.description} Machine-readable: <a href="/openapi.json">/openapi.json</a>.
          </p>
          <nav aria-label="Operations" class="docs-index">
            {tags.map((tag) => (
              <details>
                <summary>{tag}</summary>
                <ul>
                  {inTag(tag).map(({ path, method, op }) => (
                    <li>
                      <a href={`#${anchorOf(method, path)}`}>
                        {method.toUpperCase()} {path}
                      </a>{' '}
                      {op.summary}
                    </li>
                  ))}
                </ul>
              </details>
            ))}
          </nav>
          {tags.map((tag) => (
            <section>
              <h2>{tag}</h2>
              {inTag(tag).map(({ path, method, op }) => (
                <OperationView path={path} method={method} op={op} components={components} />
              ))}
            </section>
          ))}
        </body>
      </html>,
    );
  };
}
