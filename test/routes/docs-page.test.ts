// /docs shows every operation's parameters, request body and answers field by field, with the
// OpenAPI document's $refs resolved, and works without any script.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/app.js';
import { elementById } from '../web/office-helpers.js';

let html = '';

beforeAll(async () => {
  const ctx = await createTestApp();
  const res = await ctx.app.request('/docs');
  expect(res.status).toBe(200);
  html = await res.text();
});

const ENTITIES: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const textOf = (fragment: string) =>
  fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(quot|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ');

describe('/docs', () => {
  it('shows no raw $ref and loads no script', () => {
    expect(html).not.toContain('$ref');
    expect(html).not.toMatch(/<script/i);
  });

  it("shows a booking's request fields with their types and which are required", () => {
    const op = textOf(elementById(html, 'post-api-v1-visits'));
    expect(op).toContain('regionId required string 1..64 characters');
    expect(op).toContain('kind required string one of "inspection", "condolence"');
    expect(op).toContain('startDate required string (date)');
    expect(op).toContain('headcount required integer 1..10000');
    expect(op).toContain('idempotency-key header string');
  });

  it("resolves the answer's schema, allOf included (VisitWithWarnings = Visit + warnings)", () => {
    const op = textOf(elementById(html, 'get-api-v1-visits-id'));
    expect(op).toContain('Answer body');
    expect(op).toContain('leaderName required string');
    expect(op).toContain('warnings required array of Warning');
  });

  it('draws nested objects inline (a reception body lists its guests’ fields)', () => {
    const op = textOf(elementById(html, 'post-api-v1-receptions'));
    expect(op).toMatch(/guests .*array of ReceptionGuest/);
    expect(op).toMatch(/name required string/);
  });

  it('indexes every operation with a link to it', () => {
    expect(html).toContain('href="#post-api-v1-visits"');
  });
});
