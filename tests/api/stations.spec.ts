import { validate } from '@readme/openapi-parser';
import { api, system } from '../support/system';

/** The acceptance checks of the foundation issue, against the system as `pnpm start` runs it. */

interface StationItem {
  id: string;
  name: string;
  regionId: string;
  distanceM: number;
  amenities: string[];
  openNow: boolean;
}
interface StationPage {
  items: StationItem[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

async function getJson<T>(url: string): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

describe('stations API (black box)', () => {
  it('lists Liuyang demo stations nearest first around 28.16,113.64', async () => {
    const { status, body } = await getJson<StationPage>(api('/stations?lat=28.16&lng=113.64'));
    expect(status).toBe(200);
    expect(body.items.length).toBeGreaterThanOrEqual(4);
    const distances = body.items.map((item) => item.distanceM);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(body.items.map((item) => item.name).join()).toContain('才常广场');
    // Hanyang is ~300 km away: not among the stations around Liuyang.
    expect(body.items.every((item) => item.distanceM < 50_000)).toBe(true);
  });

  it('walks every page of the list by name without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${encodeURIComponent(cursor)}` : '?limit=3';
      const { status, body } = await getJson<StationPage>(api(`/stations${query}`));
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(12);
  });

  it('filters by amenity', async () => {
    const { body } = await getJson<StationPage>(
      api('/stations?lat=28.16&lng=113.64&amenities=battery_swap'),
    );
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((item) => item.amenities.includes('battery_swap'))).toBe(true);
  });

  it('answers limit=abc with 400 VALIDATION_FAILED in the envelope', async () => {
    const { status, body, headers } = await getJson<ErrorBody>(api('/stations?limit=abc'));
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(typeof body.error.message).toBe('string');
    expect(body.error.requestId).toBe(headers.get('x-request-id'));
  });

  it('answers an unknown station id with 404 NOT_FOUND', async () => {
    const { status, body } = await getJson<ErrorBody>(
      api('/stations/00000000-0000-4000-8000-000000000000'),
    );
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('returns the detail of a listed station', async () => {
    const { body: page } = await getJson<StationPage>(api('/stations?limit=1'));
    const { status, body } = await getJson<StationItem & { openingHours: unknown }>(
      api(`/stations/${page.items[0].id}`),
    );
    expect(status).toBe(200);
    expect(body.id).toBe(page.items[0].id);
    expect(body.openingHours).toBeDefined();
  });

  it('is ready, healthy, and serves a valid OpenAPI 3 document', async () => {
    expect((await fetch(`${system().apiOrigin}/health`)).status).toBe(200);
    expect((await fetch(`${system().apiOrigin}/ready`)).status).toBe(200);
    const { status, body } = await getJson<{ openapi: string; paths: Record<string, unknown> }>(
      `${system().apiOrigin}/api/docs-json`,
    );
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/stations', '/api/v1/stations/{id}', '/api/v1/regions']),
    );
    const result = await validate(structuredClone(body) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect((await fetch(`${system().apiOrigin}/api/docs`)).status).toBe(200);
  });

  it('serves the API through the H5 origin too (same-origin client)', async () => {
    const { status } = await getJson<StationPage>(`${system().webOrigin}/api/v1/stations?limit=1`);
    expect(status).toBe(200);
  });
});
