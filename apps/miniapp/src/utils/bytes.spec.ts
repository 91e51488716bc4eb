import { bytesToBase64, decodeUtf8, isArrayBuffer } from './bytes';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe(bytesToBase64.name, () => {
  it.each([[''], ['f'], ['fo'], ['foo'], ['foob'], ['fooba'], ['foobar'], ['驿站积分']])(
    'encodes %j as Node does',
    (text) => {
      expect(bytesToBase64(utf8(text))).toBe(Buffer.from(text, 'utf8').toString('base64'));
    },
  );

  it('encodes every byte value (the PNG signature and beyond)', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe(decodeUtf8.name, () => {
  it('decodes ASCII, Chinese and astral characters', () => {
    const text = '{"error":{"code":"NOT_FOUND","message":"兑换码 🎫"}}';
    expect(decodeUtf8(utf8(text))).toBe(text);
  });

  it('turns a truncated sequence into U+FFFD rather than throwing', () => {
    const bytes = utf8('积');
    expect(decodeUtf8(bytes.subarray(0, 2))).toBe('\ufffd\ufffd');
  });
});

describe(isArrayBuffer.name, () => {
  it('tells an ArrayBuffer from a view or a string', () => {
    expect(isArrayBuffer(new ArrayBuffer(2))).toBe(true);
    expect(isArrayBuffer(new Uint8Array(2))).toBe(false);
    expect(isArrayBuffer('png')).toBe(false);
  });
});
