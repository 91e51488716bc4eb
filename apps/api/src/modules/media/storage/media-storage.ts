import { Readable } from 'node:stream';

/** A stored object being read: its bytes as a stream, and how many there are. */
export interface StoredObject {
  stream: Readable;
  length: number;
}

/**
 * Where photo bytes live, by key. Keys are made by the server (`photos/2026/11/<uuid>.jpg`),
 * never taken from a client; every driver still refuses a key outside that shape, so a bug
 * elsewhere cannot turn into a path out of the store.
 */
export abstract class MediaStorage {
  /** Stores `bytes` under `key`, replacing any object there; readers never see a partial one. */
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<void>;

  /** The object under `key`, or null when there is none. */
  abstract get(key: string): Promise<StoredObject | null>;

  /** Removes the object under `key`; removing an absent one is not an error. */
  abstract delete(key: string): Promise<void>;
}

/** Path segments of lowercase letters, digits, `-` and `_`, then one extension. */
const STORAGE_KEY = /^(?:[a-z0-9][a-z0-9_-]{0,63}\/){0,4}[a-z0-9][a-z0-9_-]{0,79}\.[a-z0-9]{2,5}$/;

export function isValidStorageKey(key: string): boolean {
  return key.length <= 200 && STORAGE_KEY.test(key);
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new Error(`Not a media storage key: ${JSON.stringify(key)}`);
}
