import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { CounterRedemption } from '@yizhan/contracts';
import { useCallback, useEffect } from 'react';
import { useReshowTick } from '../../../../hooks/useReshowTick';
import { ListFooter } from '../../../../components/ListFooter';
import { Button } from '../../../../components/nutui';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { useCounter } from '../../../../hooks/useCounter';
import { useMe } from '../../../../hooks/useMe';
import { usePagedList } from '../../../../hooks/usePagedList';
import { errorMessage, t } from '../../../../i18n';
import { PagePath } from '../../../../routes';
import { listCounterRedemptions } from '../../../../services/merchant';
import { localDate } from '../../../../utils/datetime';
import { canUseCounter } from '../../../../utils/roles';
import { CounterResult } from '../../components/CounterResult';
import { CounterRow } from '../../components/CounterRow';
import { Input } from '../../nutui';
import './index.scss';

const PAGE_SIZE = 20;
/** Room for "1234 5678 9012" or "1234-5678-9012" as people type or paste it. */
const CODE_INPUT_MAX = 20;

/** Today's codes: `from` and `to` are both today's local date (the API counts `to` whole). */
const fetchToday = (day: string, cursor: string | undefined) =>
  listCounterRedemptions({ from: day, to: day, limit: PAGE_SIZE, cursor });

/** WeChat's camera scan; H5 has none outside WeChat's browser, so typing is the way there. */
const canScan = () => process.env.TARO_ENV !== 'h5';

/** The scanner's text, or null when the user closed it (not worth a message). */
async function scanText(): Promise<string | null> {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return result;
  } catch {
    return null;
  }
}

/**
 * `showTick` changes each time the page shows again. This part mounts only once the account's
 * roles are known, usually after the page's first onShow, so a `useDidShow` of its own would
 * miss that show: it loads when it mounts and again on each later show.
 */
function CodeEntry({ showTick }: { showTick: number }) {
  const [counter, actions] = useCounter();
  const [today, todayActions] = usePagedList<CounterRedemption, string>(fetchToday, localDate());

  // Today's list, with today's date: the page may have stayed open past midnight.
  const { reload: reloadTodayList, loadMore: loadMoreToday } = todayActions;
  const reloadToday = useCallback(() => reloadTodayList(localDate()), [reloadTodayList]);

  useEffect(() => {
    void reloadToday();
  }, [showTick, reloadToday]);

  usePullDownRefresh(() => {
    void reloadToday().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void loadMoreToday();
  });

  const scan = async () => {
    const text = await scanText();
    if (text !== null) await actions.verify(text);
  };

  const fulfil = async () => {
    await actions.fulfil();
    // Handed over here, or refused because another till was quicker: the list shows the news.
    void reloadToday();
  };

  const looking = counter.phase === 'verifying';
  const blocked = counter.retryIn > 0;

  return (
    <View className="merchant-page">
      <View className="merchant-page__entry">
        <Text className="merchant-page__hint">
          {canScan() ? t('merchant.scanHint') : t('merchant.typeHint')}
        </Text>
        {canScan() && (
          <Button
            className="merchant-page__scan"
            type="primary"
            block
            disabled={blocked || looking}
            onClick={() => void scan()}
          >
            {t('merchant.scan')}
          </Button>
        )}
        <View className="merchant-page__field">
          <Input
            className="merchant-page__code-input"
            name="code"
            type="tel"
            placeholder={t('merchant.codePlaceholder')}
            maxLength={CODE_INPUT_MAX}
            value={counter.input}
            onChange={actions.setInput}
          />
          <Button
            className="merchant-page__verify"
            type={canScan() ? 'default' : 'primary'}
            loading={looking}
            disabled={blocked}
            onClick={() => void actions.verify()}
          >
            {blocked ? t('merchant.retryIn', { n: counter.retryIn }) : t('merchant.verify')}
          </Button>
        </View>
        {counter.inputError && (
          <View className="merchant-page__input-error" role="alert">
            {counter.inputError}
          </View>
        )}
        {counter.error && (
          <View className="merchant-page__error" role="alert">
            {counter.error}
          </View>
        )}
      </View>

      {counter.redemption && (
        <CounterResult
          redemption={counter.redemption}
          justFulfilled={counter.phase === 'fulfilled'}
          fulfilling={counter.phase === 'fulfilling'}
          onFulfil={() => void fulfil()}
          onNext={actions.next}
        />
      )}

      <View className="merchant-page__today-head">
        <Text className="merchant-page__section-title">{t('merchant.today')}</Text>
        <Button
          className="merchant-page__to-settlement"
          size="small"
          fill="none"
          type="primary"
          onClick={() => void Taro.navigateTo({ url: PagePath.merchantSettlement })}
        >
          {t('merchant.toSettlement')}
        </Button>
      </View>
      {today.phase === 'loading' && <LoadingList count={2} />}
      {today.phase === 'error' && today.error && (
        <ErrorMessage
          className="merchant-page__today-error"
          title={t('merchant.today.error.title')}
          message={errorMessage(today.error.code)}
          onRetry={() => void reloadToday()}
        />
      )}
      {today.phase === 'ready' && today.items.length === 0 && (
        <StateMessage
          className="merchant-page__today-empty"
          tone="empty"
          title={t('merchant.today.empty.title')}
          description={t('merchant.today.empty.hint')}
        />
      )}
      {today.phase === 'ready' && today.items.length > 0 && (
        <View className="merchant-page__today">
          {today.items.map((redemption) => (
            <CounterRow key={redemption.id} redemption={redemption} />
          ))}
          <ListFooter loadingMore={today.loadingMore} ended={today.nextCursor === null} />
        </View>
      )}
    </View>
  );
}

/**
 * 商户核销, for merchant staff and station managers: scan (weapp) or type a customer's code,
 * see what it is for, hand it over once; today's codes below.
 */
export default function MerchantWorkspacePage() {
  const [me, reloadMe] = useMe();
  // The first show is covered by CodeEntry's own first load.
  const showTick = useReshowTick(() => void reloadMe());

  if (me.phase === 'signed-out') return <SignInPrompt title={t('common.signInFirst')} />;
  if (me.phase === 'loading') {
    return (
      <View className="merchant-page merchant-page--loading">
        <LoadingList count={2} />
      </View>
    );
  }
  if (me.phase === 'error') {
    return (
      <ErrorMessage
        className="merchant-page__me-error"
        title={t('merchant.error.title')}
        message={errorMessage(me.error.code)}
        onRetry={() => void reloadMe()}
      />
    );
  }
  if (!canUseCounter(me.user)) {
    return (
      <StateMessage
        className="merchant-page__no-role"
        tone="empty"
        title={t('merchant.noRole.title')}
        description={t('merchant.noRole.hint')}
      />
    );
  }
  return <CodeEntry showTick={showTick} />;
}
