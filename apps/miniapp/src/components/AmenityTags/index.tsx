import { View } from '@tarojs/components';
import type { Amenity } from '@yizhan/contracts';
import { amenityLabel, t } from '../../i18n';
import { Tag } from '../nutui';
import './index.scss';

interface AmenityTagsProps {
  amenities: readonly Amenity[];
  /** Show at most this many, then "+N"; all when omitted. */
  max?: number;
}

export function AmenityTags({ amenities, max }: AmenityTagsProps) {
  const shown = max === undefined ? amenities : amenities.slice(0, max);
  const hidden = amenities.length - shown.length;
  return (
    <View className="amenity-tags">
      {shown.map((amenity) => (
        <Tag key={amenity} className="amenity-tags__tag" plain type="default">
          {amenityLabel(amenity)}
        </Tag>
      ))}
      {hidden > 0 && (
        <Tag className="amenity-tags__tag amenity-tags__more" plain type="default">
          {t('stations.moreAmenities', { n: hidden })}
        </Tag>
      )}
    </View>
  );
}
