import { requestHash } from './request-hash';

describe(requestHash.name, () => {
  it('ignores key order and tells different bodies apart', () => {
    const a = requestHash({ amount: 5, kind: 'manual', ref: { type: 'x', id: null } });
    const b = requestHash({ ref: { id: null, type: 'x' }, kind: 'manual', amount: 5 });
    const c = requestHash({ amount: 6, kind: 'manual', ref: { type: 'x', id: null } });

    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('distinguishes a string from a number and null from absent', () => {
    expect(requestHash({ amount: 5 })).not.toBe(requestHash({ amount: '5' }));
    expect(requestHash({ memo: null })).not.toBe(requestHash({}));
  });
});
