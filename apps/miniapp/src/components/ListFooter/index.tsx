import { Text, View } from '@tarojs/components';
import { t } from '../../i18n';
import { Divider, Loading } from '../nutui';
import './index.scss';

/** Below a paged list: a spinner while the next page loads, an end marker after the last one. */
export function ListFooter({ loadingMore, ended }: { loadingMore: boolean; ended: boolean }) {
  if (loadingMore) {
    return (
      <View className="list-footer list-footer--loading">
        <Loading type="circular">
          <Text className="list-footer__text">{t('common.loadingMore')}</Text>
        </Loading>
      </View>
    );
  }
  if (ended) {
    return (
      <View className="list-footer list-footer--end">
        <Divider className="list-footer__divider">{t('common.noMore')}</Divider>
      </View>
    );
  }
  return <View className="list-footer" />;
}
