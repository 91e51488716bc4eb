import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { BalanceCard } from '../../components/BalanceCard';
import { ListFooter } from '../../components/ListFooter';
import { ErrorMessage, LoadingList, StateMessage } from '../../components/StateView';
import { TransferRow } from '../../components/TransferRow';
import { usePoints } from '../../hooks/usePoints';
import { errorMessage, t, type TextKey } from '../../i18n';
import { PagePath } from '../../routes';
import './index.scss';

function open(url: string): void {
  void Taro.navigateTo({ url });
}

/** Where the points go from here, in the order a worker needs them. */
const SHORTCUTS: ReadonlyArray<{ label: TextKey; url: string; className: string }> = [
  { label: 'points.rewards', url: PagePath.rewards, className: 'points-page__to-rewards' },
  {
    label: 'points.redemptions',
    url: PagePath.myRedemptions,
    className: 'points-page__to-redemptions',
  },
  { label: 'points.rules', url: PagePath.pointsRules, className: 'points-page__to-rules' },
];

/** 积分: balance, what expires soon, where to spend, and every entry that moved points. */
export default function PointsPage() {
  const [state, actions] = usePoints();
  const { balance, history } = state;

  // Each time the tab shows: a redemption, a cancel or a new award elsewhere changes both.
  useDidShow(() => {
    void actions.reload();
  });

  usePullDownRefresh(() => {
    void actions.reload().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void actions.loadMore();
  });

  if (!state.signedIn) {
    return (
      <View className="points-page points-page--signed-out">
        <StateMessage
          className="points-page__signed-out"
          tone="empty"
          title={t('points.signedOut.title')}
          description={t('points.signedOut.description')}
          actionText={t('points.signedOut.login')}
          onAction={() => open(PagePath.login)}
        />
      </View>
    );
  }

  return (
    <View className="points-page">
      {balance.phase === 'loading' && <LoadingList count={1} />}
      {balance.phase === 'error' && (
        <ErrorMessage
          className="points-page__balance-error"
          title={t('points.error.title')}
          message={errorMessage(balance.error.code)}
          onRetry={() => void actions.reload()}
        />
      )}
      {balance.phase === 'ready' && <BalanceCard balance={balance.data} />}

      <View className="points-page__shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <View
            key={shortcut.url}
            className={`points-page__shortcut ${shortcut.className}`}
            hoverClass="points-page__shortcut--pressed"
            role="button"
            onClick={() => open(shortcut.url)}
          >
            <Text>{t(shortcut.label)}</Text>
          </View>
        ))}
      </View>

      <Text className="points-page__section-title">{t('points.history')}</Text>
      {history.phase === 'loading' && <LoadingList count={3} />}
      {history.phase === 'error' && history.error && (
        <ErrorMessage
          className="points-page__history-error"
          title={t('points.history.error.title')}
          message={errorMessage(history.error.code)}
          onRetry={() => void actions.reload()}
        />
      )}
      {history.phase === 'ready' && history.items.length === 0 && (
        <StateMessage
          className="points-page__history-empty"
          tone="empty"
          title={t('points.history.empty.title')}
          description={t('points.history.empty.hint')}
        />
      )}
      {history.phase === 'ready' && history.items.length > 0 && (
        <View className="points-page__history">
          {history.items.map((item) => (
            <TransferRow key={item.id} item={item} />
          ))}
          <ListFooter loadingMore={history.loadingMore} ended={history.nextCursor === null} />
        </View>
      )}
    </View>
  );
}
