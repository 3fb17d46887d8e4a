// The API reference page at /docs, rendered on the server from the same OpenAPI document as
// /openapi.json (no external script or stylesheet, so it works offline and under the CSP).
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
}

interface Operation {
  summary?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function docsPage(document: () => unknown) {
  return (c: Context<AppEnv>) => {
    const doc = document() as OpenApiDoc;
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const op = item?.[method];
        return op ? [{ path, method, op }] : [];
      }),
    );
    const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? 'Other'))];
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
          {tags.map((tag) => (
            <section>
              <h2>{tag}</h2>
              {operations
                .filter((o) => (o.op.tags?.[0] ?? 'Other') === tag)
                .map(({ path, method, op }) => (
                  <div class="op">
                    <span class="m">{method}</span> <code>/api/v1{path.replace(/^\/api\/v1/, '')}</code> — {op.summary}
                    {op.requestBody?.content?.['application/json']?.schema ? (
                      <details>
                        <summary>Request body</summary>
                        <pre>{JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}</pre>
                      </details>
                    ) : null}
                    <ul>
                      {Object.entries(op.responses ?? {}).map(([status, r]) => (
                        <li>
                          <code>{status}</code> {r.description}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
            </section>
          ))}
        </body>
      </html>,
    );
  };
}
