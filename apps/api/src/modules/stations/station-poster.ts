import QRCode from 'qrcode';
import sharp from 'sharp';
import { escapeXml, fitText, wrapText } from './poster-text';

/** What the printed poster shows. */
export interface PosterContent {
  brand: string;
  name: string;
  address: string;
  /** The text the QR code carries (the station's poster code). */
  code: string;
  /** The code generation, printed small so staff can tell a current poster from a retired one. */
  codeVersion: number;
}

/** A4 portrait at 150 dpi: prints sharp on an office printer, small enough to send. */
export const POSTER_WIDTH = 1240;
export const POSTER_HEIGHT = 1754;
const MARGIN = 100;
const TEXT_WIDTH = POSTER_WIDTH - 2 * MARGIN;
const QR_SIZE = 760;
const QR_TOP = 590;
const BAND_HEIGHT = 250;
const RED = '#c8161d';
const NAME_CENTRE_Y = 405;

/**
 * CJK fonts the server may have (Debian's fonts-noto-cjk gives the first); without one, Chinese
 * prints as boxes, the QR code still scans.
 */
export const POSTER_FONT_FAMILY =
  "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif";

export const POSTER_INSTRUCTIONS = [
  '打开微信小程序「驿站」→ 扫码签到',
  '签到需开启定位，请在驿站附近扫码',
] as const;

interface Line {
  text: string;
  y: number;
  size: number;
  weight?: 'bold';
  fill?: string;
}

/** The poster without its QR code: an SVG of every text, laid out around the QR's square. */
export function posterSvg(content: PosterContent): string {
  const nameSize = 64;
  const addressSize = 36;
  const nameLines = wrapText(content.name, TEXT_WIDTH / nameSize, 2);
  const addressLines = wrapText(content.address, TEXT_WIDTH / addressSize, 2);
  const lines: Line[] = [
    {
      text: fitText(content.brand, TEXT_WIDTH / 72),
      y: 130,
      size: 72,
      weight: 'bold',
      fill: '#fff',
    },
    { text: '户外劳动者服务驿站', y: 200, size: 36, fill: '#fff' },
    // One or two lines, centred between the band and the QR's heading.
    ...nameLines.map((text, index) => ({
      text,
      y: NAME_CENTRE_Y + 22 - (nameLines.length - 1) * 40 + index * 80,
      size: nameSize,
      weight: 'bold' as const,
    })),
    { text: '扫码签到', y: QR_TOP - 20, size: 44, weight: 'bold', fill: RED },
    ...addressLines.map((text, index) => ({
      text,
      y: QR_TOP + QR_SIZE + 70 + index * 50,
      size: addressSize,
      fill: '#333',
    })),
    ...POSTER_INSTRUCTIONS.map((text, index) => ({
      text,
      y: QR_TOP + QR_SIZE + 220 + index * 56,
      size: 38,
      fill: '#111',
    })),
    {
      text: `海报第 ${content.codeVersion} 版 · 重新生成后旧海报失效`,
      y: POSTER_HEIGHT - 60,
      size: 24,
      fill: '#888',
    },
  ];
  const texts = lines
    .map(
      (line) =>
        `<text x="${POSTER_WIDTH / 2}" y="${line.y}" font-size="${line.size}"` +
        `${line.weight ? ` font-weight="${line.weight}"` : ''} fill="${line.fill ?? '#000'}">` +
        `${escapeXml(line.text)}</text>`,
    )
    .join('\n  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}">
  <rect width="100%" height="100%" fill="#fff"/>
  <rect width="100%" height="${BAND_HEIGHT}" fill="${RED}"/>
  <rect x="${(POSTER_WIDTH - QR_SIZE) / 2 - 12}" y="${QR_TOP - 12}" width="${QR_SIZE + 24}" height="${QR_SIZE + 24}" fill="none" stroke="${RED}" stroke-width="6" rx="16"/>
  <g font-family="${POSTER_FONT_FAMILY}" text-anchor="middle">
  ${texts}
  </g>
</svg>`;
}

/**
 * The printable poster as a PNG: the texts rendered from SVG, the QR code composited in the
 * middle. Error correction Q survives a worn or partly covered print; the 4-module quiet zone
 * is inside the QR image, on white.
 */
export async function renderStationPoster(content: PosterContent): Promise<Buffer> {
  const qr = await QRCode.toBuffer(content.code, {
    type: 'png',
    errorCorrectionLevel: 'Q',
    margin: 4,
    width: QR_SIZE,
  });
  return sharp(Buffer.from(posterSvg(content)))
    .composite([{ input: qr, left: (POSTER_WIDTH - QR_SIZE) / 2, top: QR_TOP }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}
