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
          <style>{`body{font:15px/1.5 system-ui,"Microsoft YaHei",sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
code,pre{font:13px ui-monospace,monospace}pre{background:#f4f5f7;padding:.6rem;overflow:auto;max-height:20rem}
.op{border-top:1px solid #dde;padding:.6rem 0}.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
details summary{cursor:pointer;color:#245}`}</style>
        </head>
        <body>
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
