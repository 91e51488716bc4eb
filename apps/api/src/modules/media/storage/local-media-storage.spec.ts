import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { LocalMediaStorage } from './local-media-storage';
import { isValidStorageKey } from './media-storage';

describe(LocalMediaStorage.name, () => {
  let root: string;
  let storage: LocalMediaStorage;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'yizhan-media-unit-'));
    storage = new LocalMediaStorage(join(root, 'media'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores, reads back with its length, replaces and deletes an object', async () => {
    await storage.put('photos/2026/11/a.jpg', Buffer.from('first'), 'image/jpeg');
    await storage.put('photos/2026/11/a.jpg', Buffer.from('second!'), 'image/jpeg');

    const stored = await storage.get('photos/2026/11/a.jpg');
    expect(stored?.length).toBe(7);
    expect(await text(stored!.stream)).toBe('second!');
    // The temporary files of both writes are gone: only the object is left.
    expect(readdirSync(join(root, 'media', 'photos', '2026', '11'))).toEqual(['a.jpg']);

    await storage.delete('photos/2026/11/a.jpg');
    expect(await storage.get('photos/2026/11/a.jpg')).toBeNull();
  });

  it('answers null for an absent object and deletes one quietly', async () => {
    expect(await storage.get('photos/2026/11/none.jpg')).toBeNull();
    await expect(storage.delete('photos/2026/11/none.jpg')).resolves.toBeUndefined();
  });

  it.each([
    '../x.jpg',
    '../../x.jpg',
    'photos/../../x.jpg',
    '/etc/passwd',
    'photos/./a.jpg',
    'photos//a.jpg',
    'photos\\a.jpg',
    'Photos/A.JPG',
    'photos/a',
    'photos/a.jpg\0.png',
    '',
  ])('refuses the key %j in every operation', async (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    await expect(storage.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(
      'Not a media storage key',
    );
    await expect(storage.get(key)).rejects.toThrow('Not a media storage key');
    await expect(storage.delete(key)).rejects.toThrow('Not a media storage key');
    expect(existsSync(join(root, 'x.jpg'))).toBe(false);
  });

  it('accepts the keys the server makes', () => {
    expect(isValidStorageKey('photos/2026/11/6f1c2d3e-0000-4000-8000-000000000000.jpg')).toBe(true);
    expect(isValidStorageKey('photos/2026/11/6f1c2d3e-0000-4000-8000-000000000000-thumb.jpg')).toBe(
      true,
    );
  });
});
