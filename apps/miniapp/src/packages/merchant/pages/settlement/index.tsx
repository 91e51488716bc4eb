import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { ChoiceBar } from '../../../../components/FilterBar';
import { Button } from '../../../../components/nutui';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList } from '../../../../components/StateView';
import { useResource } from '../../../../hooks/useResource';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, t } from '../../../../i18n';
import { getSettlementCsv } from '../../../../services/merchant';
import { downloadCsv } from '../../../../services/settlement-file';
import { settlementSummary } from '../../../../utils/csv';
import { monthPeriod, type MonthChoice } from '../../../../utils/datetime';
import './index.scss';

function Settlement() {
  const [choice, setChoice] = useState<MonthChoice>('thisMonth');
  // The loader reads the choice from here, so a reload right after a change asks for the new one.
  const choiceRef = useRef(choice);
  const period = monthPeriod(choice);
  const [csv, csvActions] = useResource(
    useCallback(() => {
      const asked = monthPeriod(choiceRef.current);
      return getSettlementCsv(asked.from, asked.to);
    }, []),
  );
  const { reload, reset } = csvActions;

  useDidShow(() => {
    void reload();
  });

  const choose = (next: MonthChoice) => {
    choiceRef.current = next;
    setChoice(next);
    // The shown total belongs to the old period: show the loading state, not a stale figure.
    reset();
    void reload();
  };

  const isH5 = process.env.TARO_ENV === 'h5';
  const summary = csv.phase === 'ready' ? settlementSummary(csv.data) : null;

  return (
    <View className="settlement-page">
      <ChoiceBar
        choices={[
          { value: 'thisMonth', label: t('settlement.thisMonth') },
          { value: 'lastMonth', label: t('settlement.lastMonth') },
        ]}
        value={choice}
        onChange={choose}
      />
      <Text className="settlement-page__period">
        {t('settlement.period', { from: period.from, to: period.to })}
      </Text>
      {csv.phase === 'loading' && <LoadingList count={1} />}
      {csv.phase === 'error' && (
        <ErrorMessage
          className="settlement-page__error"
          title={t('settlement.error.title')}
          message={errorMessage(csv.error.code)}
          onRetry={() => void reload()}
        />
      )}
      {csv.phase === 'ready' && summary && (
        <View className="settlement-page__summary">
          <View className="settlement-page__figure settlement-page__count">
            <Text className="settlement-page__figure-label">{t('settlement.count')}</Text>
            <Text className="settlement-page__figure-value">
              {t('settlement.countValue', { n: summary.count })}
            </Text>
          </View>
          <View className="settlement-page__figure settlement-page__points">
            <Text className="settlement-page__figure-label">{t('settlement.points')}</Text>
            <Text className="settlement-page__figure-value">{summary.points}</Text>
          </View>
          {summary.count === 0 && (
            <Text className="settlement-page__empty">{t('settlement.empty')}</Text>
          )}
          {isH5 ? (
            <Button
              className="settlement-page__download"
              type="primary"
              block
              onClick={() => {
                downloadCsv(csv.data, `settlement-${period.from}-${period.to}.csv`);
                void Taro.showToast({ title: t('settlement.downloaded'), icon: 'none' });
              }}
            >
              {t('settlement.download')}
            </Button>
          ) : (
            <Text className="settlement-page__console">{t('settlement.consoleOnly')}</Text>
          )}
        </View>
      )}
    </View>
  );
}

/** 结算对账: what this counter handed over in a month, and (on H5) the CSV for the district. */
export default function SettlementPage() {
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  return <Settlement />;
}
