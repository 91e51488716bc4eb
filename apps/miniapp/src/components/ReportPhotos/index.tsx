import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MediaView } from '@yizhan/contracts';
import { t } from '../../i18n';
import { photoSrc } from '../../services/media';
import './index.scss';

/** A report's photos as thumbnails; a tap opens them full size (WeChat's viewer, or Taro's on H5). */
export function ReportPhotos({ photos }: { photos: readonly MediaView[] }) {
  if (photos.length === 0) return null;
  const urls = photos.map((photo) => photoSrc(photo.url));
  return (
    <View className="report-photos">
      {photos.map((photo, index) => (
        <Image
          key={photo.id}
          className="report-photos__thumb"
          src={photoSrc(photo.thumbUrl)}
          mode="aspectFill"
          ariaLabel={t('report.photos.alt', { n: index + 1 })}
          onClick={() =>
            void Taro.previewImage({ urls, current: urls[index] }).catch(() => undefined)
          }
        />
      ))}
    </View>
  );
}
