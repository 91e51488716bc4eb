// Text helpers of the printed poster. SVG text does not wrap and a renderer cannot be asked how
// wide a string will be before it draws it, so widths are estimated per character, on the safe
// side: a line estimated to fit does fit.

const ELLIPSIS = '…';
/** Width of a narrow (Latin, digit, punctuation) character, in em: wider than most such glyphs. */
const NARROW_EM = 0.62;
/** CJK, full-width forms, emoji and everything else: a full em. */
const WIDE_EM = 1;

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** User-perceived characters: an emoji with its modifiers or a flag stays one, never halved. */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

function widthOf(grapheme: string): number {
  const code = grapheme.codePointAt(0) ?? 0;
  return grapheme.length === 1 && code < 0x1100 ? NARROW_EM : WIDE_EM;
}

/** Estimated width of `text` in em. */
export function textWidthEm(text: string): number {
  return graphemes(text).reduce((sum, grapheme) => sum + widthOf(grapheme), 0);
}

// Characters XML 1.0 forbids (a renderer refuses the whole document over one), and UTF-16
// halves without their other half.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** `text` as the content of an SVG element or attribute: escaped, without characters XML forbids. */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** Line breaks and tabs as plain spaces, runs of spaces as one: a poster line is one line. */
function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Breakable pieces of a line: a Latin word (a run of narrow non-space characters) stays whole,
 * a space stands alone, and every other character may break on either side, as Chinese does.
 */
function tokens(text: string): string[][] {
  const result: string[][] = [];
  let word: string[] = [];
  for (const grapheme of graphemes(text)) {
    if (grapheme !== ' ' && widthOf(grapheme) === NARROW_EM) {
      word.push(grapheme);
      continue;
    }
    if (word.length > 0) result.push(word);
    word = [];
    result.push([grapheme]);
  }
  if (word.length > 0) result.push(word);
  return result;
}

/**
 * Splits `text` into at most `maxLines` lines of at most `maxEm` each, between Chinese
 * characters or Latin words (a word longer than a line is cut); the last line ends in … when
 * text is left over.
 */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  const lines: string[][] = [];
  let line: string[] = [];
  let width = 0;
  const queue = tokens(flatten(text));
  while (queue.length > 0) {
    const token = queue.shift() as string[];
    const tokenWidth = token.reduce((sum, grapheme) => sum + widthOf(grapheme), 0);
    if (width + tokenWidth <= maxEm) {
      line.push(...token);
      width += tokenWidth;
      continue;
    }
    if (line.length === 0 || tokenWidth > maxEm) {
      // Too long for any line: take what fits here and leave the rest for the next.
      let taken = 0;
      while (taken < token.length && width + widthOf(token[taken] as string) <= maxEm) {
        width += widthOf(token[taken] as string);
        line.push(token[taken] as string);
        taken += 1;
      }
      // A line narrower than one character still takes one, so the text always advances.
      if (taken === 0 && line.length === 0) {
        line.push(token[0] as string);
        taken = 1;
      }
      if (taken < token.length) queue.unshift(token.slice(taken));
    } else {
      queue.unshift(token);
    }
    if (lines.length === maxLines - 1) {
      return [...lines.map((done) => done.join('').trim()), withEllipsis(line.join(''), maxEm)];
    }
    lines.push(line);
    line = [];
    width = 0;
    // A line never starts with the space it broke at.
    if (queue[0]?.[0] === ' ') queue.shift();
  }
  if (line.length > 0) lines.push(line);
  return lines.map((done) => done.join('').trim());
}

/** One line of at most `maxEm`, ending in … when cut. */
export function fitText(text: string, maxEm: number): string {
  return wrapText(text, maxEm, 1)[0] ?? '';
}

function withEllipsis(line: string, maxEm: number): string {
  const parts = graphemes(line.trimEnd());
  let width = parts.reduce((sum, grapheme) => sum + widthOf(grapheme), 0);
  while (parts.length > 0 && width + WIDE_EM > maxEm) {
    width -= widthOf(parts.pop() as string);
  }
  return `${parts.join('').trimEnd()}${ELLIPSIS}`;
}
