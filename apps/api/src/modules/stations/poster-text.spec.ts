import { escapeXml, fitText, textWidthEm, wrapText } from './poster-text';

describe(escapeXml.name, () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });

  it('drops characters XML forbids and lone surrogate halves, keeping emoji whole', () => {
    expect(escapeXml('a\u0000b\u0007c\u001Fd\uFFFEe\uD800f\uDC00g')).toBe('abcdefg');
    expect(escapeXml('骑手🚴‍♂️\t\n')).toBe('骑手🚴‍♂️\t\n');
  });
});

describe(textWidthEm.name, () => {
  it('counts Chinese and emoji as a full em and Latin as narrower', () => {
    expect(textWidthEm('驿站')).toBe(2);
    expect(textWidthEm('👩‍👩‍👧')).toBe(1);
    expect(textWidthEm('ab')).toBeCloseTo(1.24);
  });
});

describe(wrapText.name, () => {
  it('keeps a short text on one line', () => {
    expect(wrapText('阳小驿', 10, 2)).toEqual(['阳小驿']);
  });

  it('breaks Chinese between any two characters', () => {
    expect(wrapText('一二三四五六七', 3, 3)).toEqual(['一二三', '四五六', '七']);
  });

  it('cuts the last allowed line with … when text is left over', () => {
    const lines = wrapText('一二三四五六七八九十', 4, 2);

    expect(lines).toEqual(['一二三四', '五六七…']);
    expect(lines.every((line) => textWidthEm(line) <= 4)).toBe(true);
  });

  it('keeps Latin words whole and drops the space it breaks at', () => {
    expect(wrapText('hello wide world', 6, 3)).toEqual(['hello', 'wide', 'world']);
  });

  it('cuts a word longer than a line', () => {
    const lines = wrapText('abcdefghijklmnopqrstuvwxyz', 3, 10);

    expect(lines.join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(lines.every((line) => textWidthEm(line) <= 3)).toBe(true);
  });

  it('never splits an emoji sequence, and treats line breaks as spaces', () => {
    const lines = wrapText('驿站\n👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 3, 3);

    expect(lines).toEqual(['驿站', '👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧']);
  });

  it('always advances, even when one character is wider than the line', () => {
    expect(wrapText('驿站', 0.5, 5)).toEqual(['驿', '站']);
  });

  it('answers no lines for blank text', () => {
    expect(wrapText('  \n ', 10, 2)).toEqual([]);
  });
});

describe(fitText.name, () => {
  it('is the first line, with … when cut', () => {
    expect(fitText('奔跑者红色驿站', 10)).toBe('奔跑者红色驿站');
    expect(fitText('奔跑者红色驿站', 4)).toBe('奔跑者…');
    expect(fitText('', 4)).toBe('');
  });
});
