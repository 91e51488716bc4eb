import { ErrorEnvelope } from '@yizhan/contracts';
import { DataSource } from 'typeorm';
import { createApp } from '../src/create-app';
import { getJson, useTestApp } from './support/test-app';

describe(`HTTP foundation (${createApp.name}) on the run's database`, () => {
  const ctx = useTestApp();

  it('answers /health and /ready outside the /api/v1 prefix', async () => {
    const health = await getJson<{ status: string }>(ctx.app, '/health');
    const ready = await getJson<{ status: string }>(ctx.app, '/ready');

    expect([health.status, health.body]).toEqual([200, { status: 'ok' }]);
    expect([ready.status, ready.body]).toEqual([200, { status: 'ok' }]);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(404);
  });

  it('serves an OpenAPI 3 document describing the routes, and the UI', async () => {
    const { status, body } = await getJson<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    }>(ctx.app, '/api/docs-json');

    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/ready',
        '/api/v1/regions',
        '/api/v1/stations',
        '/api/v1/stations/{id}',
      ]),
    );
    expect(Object.keys(body.paths['/api/v1/stations/{id}'].get.responses)).toEqual(
      expect.arrayContaining(['200', '404']),
    );
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining([
        'StationDetailResponse',
        'StationPageResponse',
        'ErrorEnvelopeResponse',
      ]),
    );
    const ui = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown route with 404 NOT_FOUND in the envelope, echoing a sane request id', async () => {
    const { status, headers, body } = await getJson<ErrorEnvelope>(ctx.app, '/api/v1/nowhere', {
      'x-request-id': 'trace-abc_123',
    });

    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: 'NOT_FOUND', message: expect.any(String), requestId: 'trace-abc_123' },
    });
    expect(headers['x-request-id']).toBe('trace-abc_123');
  });

  it('replaces an unsafe incoming request id with a fresh UUID', async () => {
    const { headers, body } = await getJson<ErrorEnvelope>(ctx.app, '/api/v1/nowhere', {
      'x-request-id': 'bad id with spaces\u0000',
    });

    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.requestId).toBe(headers['x-request-id']);
  });

  it('sets a request id on successful responses too', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/health' });

    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['limit=abc', 'limit'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['lat=28.16', 'lng'],
    ['lng=113.64', 'lat'],
    ['lat=91&lng=0', 'lat'],
    ['lat=28&lng=113&radius=50001', 'radius'],
    ['amenities=seating,jacuzzi', 'amenities'],
    ['openNow=maybe', 'openNow'],
    ['regionId=42', 'regionId'],
    ['unknownField=1', 'unknownField'],
  ])('rejects ?%s with 400 VALIDATION_FAILED naming %s', async (query, field) => {
    const { status, headers, body } = await getJson<ErrorEnvelope>(
      ctx.app,
      `/api/v1/stations?${query}`,
    );

    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.requestId).toBe(headers['x-request-id']);
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        { field, constraints: expect.arrayContaining([expect.any(String)]) },
      ]),
    );
  });

  it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/stations',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorEnvelope>().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/stations',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 1) }),
    });

    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorEnvelope>().error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.any(String),
      requestId: response.headers['x-request-id'],
    });
  });

  it.each([
    ['a success', '/health'],
    ['an error', '/api/v1/nowhere'],
    ['a refused token', '/api/v1/me'],
  ])('sends security headers on %s', async (_what, url) => {
    const response = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { authorization: 'Bearer not-a-token' },
    });

    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });
});

describe('readiness without a database', () => {
  const ctx = useTestApp();

  it('answers /ready with 503 SERVICE_UNAVAILABLE once the DataSource is gone, /health still 200', async () => {
    await ctx.app.get(DataSource).destroy();

    const ready = await getJson<ErrorEnvelope>(ctx.app, '/ready');
    const health = await getJson<{ status: string }>(ctx.app, '/health');

    expect(ready.status).toBe(503);
    expect(ready.body.error).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.any(String),
      requestId: ready.headers['x-request-id'],
    });
    expect(health.status).toBe(200);
  });
});
