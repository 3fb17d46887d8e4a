// Provincial departments get added in the web (only the API could before), then are units like
// any other: they show in the list and can be given accounts.
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/api.js';
import { getPage, postForm } from '../helpers/web.js';
import { elementById, setUpOffice, type OfficeTestContext } from './office-helpers.js';

let t: OfficeTestContext;
beforeAll(async () => {
  t = await setUpOffice();
});

describe('the units settings page', () => {
  it('lists the eleven cities and is linked from the settings', async () => {
    const page = await getPage(t.ctx, t.office, '/office/settings/units');
    expect(page.status).toBe(200);
    expect(page.html).toContain('全部单位(11)');
    expect(elementById(page.html, 'unit-lishui')).toContain('设区市');
    expect((await getPage(t.ctx, t.office, '/office/settings')).html).toContain('href="/office/settings/units"');
  });

  it('adds a department that the API then lists and can give an account', async () => {
    const res = await postForm(t.ctx, t.office, '/office/settings/units', { name: '省发展改革委', id: 'fgw' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/office/settings/units?added=${encodeURIComponent('省发展改革委')}#unit-fgw`);
    const page = await getPage(t.ctx, t.office, res.headers.get('location')!);
    expect(page.html).toContain('已添加:省发展改革委');
    expect(elementById(page.html, 'unit-fgw')).toContain('省级部门');
    const units = await call(t.ctx, 'GET', '/api/v1/units', { token: t.admin });
    expect(units.body.items).toContainEqual({ id: 'fgw', name: '省发展改革委', kind: 'department' });
    const account = await call(t.ctx, 'POST', '/api/v1/users', {
      token: t.admin,
      body: { email: 'fgw@test.local', password: 'fgw-password-1', role: 'unit', unitId: 'fgw' },
    });
    expect(account.status).toBe(201);
  });

  it('refuses a taken id and a malformed one on their field, keeping what was typed', async () => {
    const taken = await postForm(t.ctx, t.office, '/office/settings/units', { name: '另一个部门', id: 'hangzhou' });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain('标识“hangzhou”已被使用');
    expect(taken.html).toMatch(/id="unit-name"[^>]*value="另一个部门"/);
    const bad = await postForm(t.ctx, t.office, '/office/settings/units', { name: '省教育厅', id: 'Jiao Yu' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('只能用英文小写字母、数字和连字符');
    expect((await call(t.ctx, 'GET', '/api/v1/units', { token: t.admin })).body.items).toHaveLength(12);
  });
});
