/**
 * Byte helpers for the two non-JSON answers the client reads (the redemption QR as PNG bytes,
 * error bodies that came back as bytes). Written out rather than taken from the platform:
 * weapp has no TextDecoder or btoa, and `wx.arrayBufferToBase64` is deprecated by WeChat.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (RFC 4648 §4), as a `data:` URL needs. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const triple = (bytes[index] << 16) | (bytes[index + 1] << 8) | bytes[index + 2];
    out +=
      BASE64_ALPHABET[(triple >> 18) & 63] +
      BASE64_ALPHABET[(triple >> 12) & 63] +
      BASE64_ALPHABET[(triple >> 6) & 63] +
      BASE64_ALPHABET[triple & 63];
  }
  const left = bytes.length - index;
  if (left === 1) {
    const single = bytes[index] << 16;
    out += `${BASE64_ALPHABET[(single >> 18) & 63]}${BASE64_ALPHABET[(single >> 12) & 63]}==`;
  } else if (left === 2) {
    const pair = (bytes[index] << 16) | (bytes[index + 1] << 8);
    out +=
      BASE64_ALPHABET[(pair >> 18) & 63] +
      BASE64_ALPHABET[(pair >> 12) & 63] +
      BASE64_ALPHABET[(pair >> 6) & 63] +
      '=';
  }
  return out;
}

/** UTF-8 bytes to a string; a malformed sequence becomes U+FFFD instead of throwing. */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let index = 0;
  while (index < bytes.length) {
    const first = bytes[index];
    let point = 0xfffd;
    let length = 1;
    if (first < 0x80) {
      point = first;
    } else if (first >= 0xc2 && first < 0xe0) {
      length = 2;
    } else if (first >= 0xe0 && first < 0xf0) {
      length = 3;
    } else if (first >= 0xf0 && first < 0xf5) {
      length = 4;
    }
    if (length > 1) {
      let value = first & (0xff >> (length + 1));
      let valid = index + length <= bytes.length;
      for (let offset = 1; valid && offset < length; offset += 1) {
        const next = bytes[index + offset];
        if ((next & 0xc0) !== 0x80) valid = false;
        value = (value << 6) | (next & 0x3f);
      }
      if (valid) {
        point = value;
      } else {
        length = 1;
      }
    }
    out += String.fromCodePoint(point);
    index += length;
  }
  return out;
}

/** True for an ArrayBuffer from any realm (H5 fetch, weapp, jsdom), where `instanceof` can lie. */
export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}
