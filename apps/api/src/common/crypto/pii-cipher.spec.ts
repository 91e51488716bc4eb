import { PiiCipher } from './pii-cipher';

describe(PiiCipher.name, () => {
  const cipher = new PiiCipher('a'.repeat(43));

  it('round-trips a value and never stores it in the clear', () => {
    const sealed = cipher.encrypt('13812341234');

    expect(sealed).not.toContain('13812341234');
    expect(cipher.decrypt(sealed)).toBe('13812341234');
  });

  it('uses a fresh IV, so equal values encrypt differently', () => {
    expect(cipher.encrypt('13812341234')).not.toBe(cipher.encrypt('13812341234'));
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = cipher.encrypt('13812341234');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;

    expect(() => cipher.decrypt(tampered)).toThrow();
  });

  it('refuses a value sealed with another key', () => {
    const other = new PiiCipher('b'.repeat(43));

    expect(() => other.decrypt(cipher.encrypt('13812341234'))).toThrow();
  });

  it('indexes deterministically per key and kind', () => {
    expect(cipher.index('phone', '13812341234')).toBe(cipher.index('phone', '13812341234'));
    expect(cipher.index('phone', '13812341234')).not.toBe(cipher.index('other', '13812341234'));
    expect(new PiiCipher('b'.repeat(43)).index('phone', '13812341234')).not.toBe(
      cipher.index('phone', '13812341234'),
    );
  });
});
