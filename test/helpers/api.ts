// Small HTTP helpers over app.request(): JSON in, parsed JSON out.
import type { TestContext } from './app.js';
import { ADMIN } from './app.js';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(
  ctx: TestContext,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await ctx.app.request(path, { method, headers, body });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') && text ? JSON.parse(text) : text, headers: res.headers };
}

export async function login(ctx: TestContext, email: string, password: string): Promise<string> {
  const res = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export const loginAdmin = (ctx: TestContext) => login(ctx, ADMIN.email, ADMIN.password);

/** The password createUserAndLogin gives every account. */
export const USER_PASSWORD = 'user-password-1';

let userCounter = 0;

/** Creates an account through the API (as the office) and logs it in. */
export async function createUserAndLogin(
  ctx: TestContext,
  adminToken: string,
  account: { role: 'office' | 'hq' | 'unit'; unitId?: string; regionId?: string },
): Promise<{ token: string; id: string; email: string }> {
  userCounter += 1;
  const email = `${account.role}-${account.unitId ?? account.regionId ?? 'x'}-${userCounter}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const res = await call(ctx, 'POST', '/api/v1/users', { token: adminToken, body: { email, password: USER_PASSWORD, ...account } });
  if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: await login(ctx, email, USER_PASSWORD), id: res.body.id, email };
}
