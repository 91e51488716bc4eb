import { CATEGORY_ICONS, type CategoryIcon } from '@yizhan/contracts';
import { iconText } from './messages';

/** The same pictures the mini-program shows (apps/miniapp/src/utils/category-icon.ts). */
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

export function CategoryIconLabel({ icon }: { icon: CategoryIcon }) {
  return (
    <span>
      <span aria-hidden style={{ marginRight: 6 }}>
        {GLYPHS[icon] ?? GLYPHS.other}
      </span>
      {iconText(icon) ?? iconText('other')}
    </span>
  );
}

export const ICON_OPTIONS = CATEGORY_ICONS.map((icon) => ({
  value: icon,
  label: iconText(icon),
  glyph: GLYPHS[icon],
}));
