// The site icon: browsers ask for /favicon.ico on their own (a 404 before), and pages link an SVG.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});

describe('site icon', () => {
  it('serves /favicon.ico as an ICO holding PNG images, without logging in', async () => {
    const res = await ctx.app.request('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0, 0, 1, 0]); // ICONDIR: reserved 0, type 1 (icon)
    expect(bytes[4]).toBe(2); // two sizes
    const firstImage = new DataView(bytes.buffer).getUint32(6 + 12, true);
    expect([...bytes.slice(firstImage, firstImage + 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]); // \x89PNG
  });

  it('links an SVG icon from every page, served as SVG', async () => {
    const page = await ctx.app.request('/login', { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<link rel="icon" href="/static/icon.svg" type="image/svg+xml"/>');
    const svg = await ctx.app.request('/static/icon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
