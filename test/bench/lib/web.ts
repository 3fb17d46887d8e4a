// Logging a benchmark's accounts into the web pages in process: an account made through the API,
// then the real login form (CSRF cookie and field), giving the session cookie pages need.
import type { BenchApp } from './app.js';

const PASSWORD = 'bench-user-password-1';
let accounts = 0;

function cookiePairs(setCookie: string): string[] {
  return setCookie
    .split(/,(?=\s*[A-Za-z_]+=)/)
    .map((c) => c.split(';')[0]!.trim())
    .filter((pair) => pair.includes('=') && !pair.endsWith('='));
}

/** The session cookie of a web login with this e-mail and password. */
export async function webCookie(bench: BenchApp, email: string, password: string): Promise<string> {
  const form = await bench.app.request('/login');
  const loginCookie = cookiePairs(form.headers.get('set-cookie') ?? '').join('; ');
  const csrf = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const res = await bench.app.request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: loginCookie },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  if (res.status !== 303) throw new Error(`web login of ${email}: ${res.status}`);
  return cookiePairs(res.headers.get('set-cookie') ?? '')
    .filter((p) => p.startsWith('planner_session='))
    .join('; ');
}

/** A new account of this role, with its API token and web session cookie. */
export async function benchAccount(
  bench: BenchApp,
  account: { role: 'office' | 'hq' | 'unit'; unitId?: string; regionId?: string },
): Promise<{ token: string; cookie: string }> {
  const email = `${account.role}-${account.unitId ?? account.regionId ?? 'office'}-${++accounts}@bench.local`;
  await bench.ok('POST', '/api/v1/users', { token: bench.officeToken, body: { email, password: PASSWORD, ...account } });
  const token = (await bench.ok('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } })).token as string;
  return { token, cookie: await webCookie(bench, email, PASSWORD) };
}
