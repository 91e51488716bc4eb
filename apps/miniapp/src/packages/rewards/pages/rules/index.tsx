import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  type EarningKind,
  ExpiryPolicy,
  type PointsRule,
  type PointsRulesResponse,
} from '@yizhan/contracts';
import { Cell, CellGroup } from '../../../../components/nutui';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { useResource } from '../../../../hooks/useResource';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, t, transferKindLabel } from '../../../../i18n';
import { getPointsRules } from '../../../../services/points';
import './index.scss';

/** "每次 +5 积分；每日最多 20 积分；每周最多 100 积分" — caps are in points, per the ledger. */
function ruleTerms(rule: PointsRule): string {
  const terms = [t('rules.each', { n: rule.points })];
  if (rule.dailyCap !== null) terms.push(t('rules.dailyCap', { n: rule.dailyCap }));
  if (rule.weeklyCap !== null) terms.push(t('rules.weeklyCap', { n: rule.weeklyCap }));
  if (rule.dailyCap === null && rule.weeklyCap === null) terms.push(t('rules.noCap'));
  return terms.join(t('common.separator'));
}

function expiryLabel(policy: ExpiryPolicy): string {
  return policy === ExpiryPolicy.EndOfNextYear
    ? t('rules.expiry.endOfNextYear')
    : t('rules.expiry.never');
}

/**
 * The `manual` rule prices the district's own adjustments; it is nothing a worker can do, so
 * the worker's list leaves it out.
 */
const NOT_EARNED_BY_WORKERS: ReadonlySet<EarningKind> = new Set<EarningKind>(['manual']);

function RulesView({ rules }: { rules: PointsRulesResponse }) {
  const shown = rules.items.filter((rule) => !NOT_EARNED_BY_WORKERS.has(rule.kind));
  if (shown.length === 0) {
    return (
      <StateMessage
        className="rules-page__empty"
        tone="empty"
        title={t('rules.empty.title')}
        description={rules.regionId === null ? t('rules.empty.noRegion') : t('rules.empty.hint')}
      />
    );
  }
  return (
    <CellGroup className="rules-page__list">
      {shown.map((rule) => (
        <Cell
          key={rule.id}
          className={`rules-page__rule rules-page__rule--${rule.kind}`}
          title={transferKindLabel(rule.kind)}
          description={`${ruleTerms(rule)}\n${expiryLabel(rule.expiryPolicy)}`}
        />
      ))}
    </CellGroup>
  );
}

function Rules() {
  const [rules, actions] = useResource(getPointsRules);
  useDidShow(() => {
    void actions.reload();
  });

  return (
    <View className="rules-page">
      <Text className="rules-page__intro">{t('rules.intro')}</Text>
      {rules.phase === 'loading' && <LoadingList count={3} />}
      {rules.phase === 'error' && (
        <ErrorMessage
          className="rules-page__error"
          title={t('rules.error.title')}
          message={errorMessage(rules.error.code)}
          onRetry={() => void actions.reload()}
        />
      )}
      {rules.phase === 'ready' && <RulesView rules={rules.data} />}
    </View>
  );
}

/** 积分规则: how many points each kind of act earns where the worker is, the caps and expiry. */
export default function PointsRulesPage() {
  const { signedIn } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  return <Rules />;
}
