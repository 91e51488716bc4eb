import { Text, View } from '@tarojs/components';
import type { ReportCategoryView } from '@yizhan/contracts';
import { categoryGlyph } from '../../utils/category-icon';
import './index.scss';

interface CategoryGridProps {
  categories: readonly ReportCategoryView[];
  selected: string | null;
  onSelect: (category: ReportCategoryView) => void;
  disabled?: boolean;
}

/** The report categories as a grid of glyphs and names; one is chosen at a time. */
export function CategoryGrid({ categories, selected, onSelect, disabled }: CategoryGridProps) {
  return (
    <View className="category-grid" role="radiogroup">
      {categories.map((category) => {
        const on = category.code === selected;
        return (
          <View
            key={category.code}
            className={`category-grid__item ${on ? 'category-grid__item--on' : ''}`}
            role="radio"
            aria-checked={on}
            aria-label={category.name}
            hoverClass="category-grid__item--pressed"
            onClick={() => {
              if (!disabled) onSelect(category);
            }}
          >
            <Text className="category-grid__glyph">{categoryGlyph(category.icon)}</Text>
            <Text className="category-grid__name">{category.name}</Text>
          </View>
        );
      })}
    </View>
  );
}
