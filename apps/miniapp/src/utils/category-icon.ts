import type { CategoryIcon } from '@yizhan/contracts';

/**
 * The picture of each category icon key: an emoji, drawn by the phone's own font, so the grid
 * needs no image download and adds nothing to the package.
 */
const GLYPHS: Record<CategoryIcon, string> = {
  road: '🚧',
  guardrail: '🚦',
  fire: '🧯',
  sanitation: '🗑️',
  traffic: '🚗',
  lost_found: '🎒',
  elderly: '🧓',
  other: '📌',
};

export function categoryGlyph(icon: string): string {
  return (GLYPHS as Record<string, string>)[icon] ?? GLYPHS.other;
}
