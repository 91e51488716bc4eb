import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  POSTER_FONT_FAMILY,
  POSTER_HEIGHT,
  POSTER_INSTRUCTIONS,
  POSTER_WIDTH,
  PosterContent,
  posterSvg,
  renderStationPoster,
} from './station-poster';

const CONTENT: PosterContent = {
  brand: '阳小驿',
  name: '龙阳街道芳草社区“阳小驿”',
  address: '武汉市汉阳区龙阳街道芳草社区党群服务中心',
  code: 'YZ1.P.AAAAAAAAAAAAAAAAAAAAAA.1.BBBBBBBBBBBBBBBBBBBBBB',
  codeVersion: 3,
};

describe(posterSvg.name, () => {
  it('shows the brand, name, address, instructions and generation in a CJK font', () => {
    const svg = posterSvg(CONTENT);

    for (const text of [CONTENT.brand, CONTENT.name, CONTENT.address, ...POSTER_INSTRUCTIONS]) {
      expect(svg).toContain(`>${text}</text>`);
    }
    expect(svg).toContain('海报第 3 版');
    expect(svg).toContain(`font-family="${POSTER_FONT_FAMILY}"`);
    expect(svg).toContain(`width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}"`);
  });

  it('escapes markup in the station’s texts so it stays text', () => {
    const svg = posterSvg({
      ...CONTENT,
      name: '<b>站</b>',
      address: '</text><image href="x"/> & "C"',
    });

    expect(svg).not.toContain('<image');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('>&lt;b&gt;站&lt;/b&gt;</text>');
    expect(svg).toContain(
      '>&lt;/text&gt;&lt;image href=&quot;x&quot;/&gt; &amp; &quot;C&quot;</text>',
    );
  });

  it('fits a long name on two lines, the second ending in …', () => {
    const svg = posterSvg({ ...CONTENT, name: '很长的名字'.repeat(20) });
    const nameLines = [...svg.matchAll(/>([^<]*名字[^<]*)<\/text>/g)].map((match) => match[1]);

    expect(nameLines).toHaveLength(2);
    expect(nameLines[0]).not.toContain('…');
    expect(nameLines[1]).toMatch(/…$/);
  });
});

describe(renderStationPoster.name, () => {
  it('renders an A4 PNG whose QR code reads back as the code, emoji and all in the texts', async () => {
    const png = await renderStationPoster({
      ...CONTENT,
      name: `骑手之家🚴‍♂️\u0000${'长'.repeat(90)}`,
    });

    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(
      CONTENT.code,
    );
  });
});
