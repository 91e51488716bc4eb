import { View } from '@tarojs/components';
import { t, type TextKey } from '../../i18n';
import { StateMessage } from '../StateView';
import './index.scss';

/** The whole page of a tab whose feature is not built yet: says so plainly, no fake data. */
export function ComingSoon({ descriptionKey }: { descriptionKey: TextKey }) {
  return (
    <View className="coming-soon">
      <StateMessage tone="soon" title={t('soon.title')} description={t(descriptionKey)} />
    </View>
  );
}
