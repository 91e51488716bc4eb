import { IDEMPOTENCY_KEY_PATTERN } from '@yizhan/contracts';
import { newIdempotencyKey } from './idempotency';

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
