// JSON over real HTTP (fetch) to a server on 127.0.0.1: setup calls for the benchmark and the
// crash test.
export interface HttpResult<T = any> {
  status: number;
  body: T;
}

export async function http<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}

export async function httpOk<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const res = await http<T>(baseUrl, method, path, options);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function httpLogin(baseUrl: string, email: string, password: string): Promise<string> {
  return (await httpOk<{ token: string }>(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } })).token;
}

/** Creates one unit account per unit id (as the office) and logs each in. */
export async function unitTokens(
  baseUrl: string,
  officeToken: string,
  unitIds: readonly string[],
  tag: string,
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const unitId of unitIds) {
    const email = `${tag}-${unitId}@bench.local`;
    const password = 'unit-password-1';
    await httpOk(baseUrl, 'POST', '/api/v1/users', { token: officeToken, body: { email, password, role: 'unit', unitId } });
    tokens.set(unitId, await httpLogin(baseUrl, email, password));
  }
  return tokens;
}
