import { IDEMPOTENCY_KEY_PATTERN } from '@yizhan/contracts';
import { newIdempotencyKey, newUuid } from './idempotency';

describe(newIdempotencyKey.name, () => {
  it('makes keys the contract accepts, named by purpose, different each time', () => {
    const keys = Array.from({ length: 200 }, () => newIdempotencyKey('redeem'));

    for (const key of keys) {
      expect(key).toMatch(IDEMPOTENCY_KEY_PATTERN);
      expect(key.startsWith('redeem:')).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe(newUuid.name, () => {
  it('makes version 4 UUIDs, as the check-in contract validates them, different each time', () => {
    const keys = Array.from({ length: 200 }, () => newUuid());

    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});
