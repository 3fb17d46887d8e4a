// Real HTTP against the running Worker: JSON in, parsed JSON (or text) out.
import { expect } from 'vitest';
export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Client {
  call: <T = any>(method: string, path: string, options?: RequestOptions) => Promise<HttpResponse<T>>;
  login: (email: string, password: string) => Promise<string>;
  /** Creates an account as the office and logs it in. */
  createUser: (
    adminToken: string,
    account: { role: 'office' | 'hq' | 'unit'; unitId?: string; regionId?: string },
  ) => Promise<{ token: string; id: string; email: string }>;
}

let userCounter = 0;

export function client(baseUrl: string): Client {
  const call = async <T = any>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: type.includes('json') && text ? JSON.parse(text) : text, headers: res.headers };
  };

  const login = async (email: string, password: string): Promise<string> => {
    const res = await call('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  };

  const createUser: Client['createUser'] = async (adminToken, account) => {
    userCounter += 1;
    const email = `${account.role}-${account.unitId ?? account.regionId ?? 'x'}-${userCounter}@edge.test`;
    const password = 'user-password-1';
    const res = await call('POST', '/api/v1/users', { token: adminToken, body: { email, password, ...account } });
    if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { token: await login(email, password), id: res.body.id, email };
  };

  return { call, login, createUser };
}

/** The problem+json shape every error shares (docs/API.md, Conventions). */
export function expectProblem(res: HttpResponse, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}
