import { Image, Text, View } from '@tarojs/components';
import { errorMessage, t } from '../../i18n';
import { canRetry, type PhotoUploads } from '../../hooks/usePhotoUploads';
import { ConsentSheet } from '../ConsentSheet';
import './index.scss';

/**
 * The photos of a report being written: each with its upload's progress, 待上传 when offline, or
 * the reason it failed with 重试 / 删除; then the 添加照片 tile while there is room. Tapping a
 * photo previews it. Brings the photos consent sheet with it.
 */
export function PhotoGrid({ photos, disabled }: { photos: PhotoUploads; disabled?: boolean }) {
  const { items, max } = photos;
  return (
    <View className="photo-grid">
      {items.map((item, index) => (
        <View key={item.key} className={`photo-grid__item photo-grid__item--${item.status}`}>
          <Image
            className="photo-grid__image"
            src={item.localPath}
            mode="aspectFill"
            ariaLabel={t('report.photos.alt', { n: index + 1 })}
            onClick={() => photos.preview(item.key)}
          />
          {item.status === 'uploading' && (
            <View className="photo-grid__overlay" aria-live="polite">
              <Text className="photo-grid__progress">
                {t('report.photos.uploading', { n: item.percent })}
              </Text>
              <View className="photo-grid__bar">
                <View className="photo-grid__bar-fill" style={{ width: `${item.percent}%` }} />
              </View>
            </View>
          )}
          {item.status === 'waiting' && (
            <View className="photo-grid__overlay photo-grid__overlay--waiting">
              <Text className="photo-grid__state">{t('report.photos.waiting')}</Text>
            </View>
          )}
          {item.status === 'failed' && (
            <View className="photo-grid__overlay photo-grid__overlay--failed" role="alert">
              <Text className="photo-grid__state">{t('report.photos.failed')}</Text>
              <Text className="photo-grid__reason">
                {errorMessage(item.errorCode ?? 'UNKNOWN_ERROR')}
              </Text>
              {canRetry(item) && (
                <View
                  className="photo-grid__retry"
                  role="button"
                  onClick={() => photos.retry(item.key)}
                >
                  {t('report.photos.retry')}
                </View>
              )}
            </View>
          )}
          {!disabled && (
            <View
              className="photo-grid__remove"
              role="button"
              aria-label={t('report.photos.remove')}
              onClick={() => photos.remove(item.key)}
            >
              ×
            </View>
          )}
        </View>
      ))}
      {items.length < max && (
        <View
          className={`photo-grid__add ${disabled ? 'photo-grid__add--disabled' : ''}`}
          role="button"
          aria-label={t('report.photos.add')}
          onClick={() => {
            if (!disabled) photos.add();
          }}
        >
          <Text className="photo-grid__plus">+</Text>
          <Text className="photo-grid__add-text">{t('report.photos.add')}</Text>
          <Text className="photo-grid__count">
            {t('report.photos.count', { n: items.length, max })}
          </Text>
        </View>
      )}
      <ConsentSheet
        kind="photos"
        visible={photos.askingConsent}
        onAgree={() => photos.answerConsent(true)}
        onRefuse={() => photos.answerConsent(false)}
      />
    </View>
  );
}
