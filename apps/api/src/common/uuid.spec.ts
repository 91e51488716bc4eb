import { isUuid, uuidV5 } from './uuid';

describe(uuidV5.name, () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is deterministic and a valid version-5 UUID', () => {
    const id = uuidV5('region:430181', '6ba7b810-9dad-11d1-80b4-00c04fd430c8');

    expect(uuidV5('region:430181', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(id);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'nope')).toThrow('Namespace is not a UUID');
  });
});
