import { decodeStationCursor, encodeStationCursor, StationCursor } from './station-cursor';

const ID = '0b9a3c4e-6f1d-5a2b-8c3d-4e5f6a7b8c9d';

describe('station cursor', () => {
  it.each<StationCursor>([
    { kind: 'distance', distanceM: 0, id: ID },
    { kind: 'distance', distanceM: 49_999, id: ID },
    { kind: 'name', name: '才常广场商圈"奔跑者"红色驿站', id: ID },
  ])('round-trips %j through an opaque base64url string', (cursor) => {
    const text = encodeStationCursor(cursor);

    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeStationCursor(text)).toEqual(cursor);
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each<[string, string]>([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['JSON but not an object', encode(42)],
    ['an unknown kind', encode({ k: 'x', i: ID })],
    ['a distance that is not an integer', encode({ k: 'd', d: 1.5, i: ID })],
    ['a negative distance', encode({ k: 'd', d: -1, i: ID })],
    ['a name cursor without a name', encode({ k: 'n', i: ID })],
    ['no id', encode({ k: 'd', d: 10 })],
    ['an empty string', ''],
  ])('rejects %s', (_label, text) => {
    expect(decodeStationCursor(text)).toBeNull();
  });
});
