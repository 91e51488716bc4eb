import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import {
  REPORT_STATUSES,
  type ReportCategoryView,
  type ReportStatus,
  type ReportSummary,
} from '@yizhan/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useReshowTick } from '../../../../hooks/useReshowTick';
import { ChoiceBar, FilterBar } from '../../../../components/FilterBar';
import { ListFooter } from '../../../../components/ListFooter';
import { Button } from '../../../../components/nutui';
import { ReportCard } from '../../../../components/ReportCard';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { useMe } from '../../../../hooks/useMe';
import { usePagedList } from '../../../../hooks/usePagedList';
import { errorMessage, reportStatusLabel, t } from '../../../../i18n';
import { handlerReportUrl } from '../../../../routes';
import { listReportCategories, listReportQueue } from '../../../../services/reports';
import { isHandler } from '../../../../utils/roles';
import { ReportMap } from '../../components/ReportMap';
import './index.scss';

const PAGE_SIZE = 20;

export interface QueueFilters {
  status: ReportStatus | 'all';
  category: string | 'all';
  overdue: boolean;
}

const ALL: QueueFilters = { status: 'all', category: 'all', overdue: false };

const fetchQueue = (filters: QueueFilters, cursor: string | undefined) =>
  listReportQueue({
    status: filters.status === 'all' ? undefined : filters.status,
    category: filters.category === 'all' ? undefined : filters.category,
    overdue: filters.overdue || undefined,
    limit: PAGE_SIZE,
    cursor,
  });

/** WeChat has a native map; Taro's H5 build has none, so H5 keeps the list alone. */
const hasMap = () => process.env.TARO_ENV === 'weapp';

function statusChoices(): Array<{ value: ReportStatus | 'all'; label: string }> {
  return [
    { value: 'all', label: t('handler.filter.all') },
    ...REPORT_STATUSES.map((status) => ({ value: status, label: reportStatusLabel(status) })),
  ];
}

/**
 * `showTick` changes each time the page shows again (back from a report: its status moved). This
 * part mounts once the roles are known, after the page's first show, so it loads on mount too.
 */
function Queue({ showTick }: { showTick: number }) {
  const [list, actions] = usePagedList<ReportSummary, QueueFilters>(fetchQueue, ALL);
  const [categories, setCategories] = useState<ReportCategoryView[]>([]);
  const [showMap, setShowMap] = useState(false);
  const { reload, loadMore } = actions;

  useEffect(() => {
    void reload();
  }, [showTick, reload]);

  useEffect(() => {
    // The handler's own region's categories (staff get theirs without a place).
    listReportCategories()
      .then(setCategories)
      .catch(() => setCategories([]));
  }, []);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void loadMore();
  });

  const open = useCallback((report: ReportSummary) => {
    void Taro.navigateTo({ url: handlerReportUrl(report.id) });
  }, []);

  const filters = list.query;
  const filtered = filters.status !== 'all' || filters.category !== 'all' || filters.overdue;
  const categoryChoices = [
    { value: 'all', label: t('handler.filter.allCategories') },
    ...categories.map((category) => ({ value: category.code, label: category.name })),
  ];

  return (
    <View className="handler-queue">
      <View className="handler-queue__filters">
        <ChoiceBar
          choices={statusChoices()}
          value={filters.status}
          onChange={(status) => void reload({ ...filters, status })}
        />
        {categories.length > 0 && (
          <ChoiceBar
            choices={categoryChoices}
            value={filters.category}
            onChange={(category) => void reload({ ...filters, category })}
          />
        )}
        <View className="handler-queue__row">
          <FilterBar
            toggles={[{ key: 'overdue', label: 'handler.filter.overdue' }]}
            values={{ overdue: filters.overdue }}
            onChange={({ overdue }) => void reload({ ...filters, overdue })}
          />
          {hasMap() && (
            <Button
              className="handler-queue__view-toggle"
              size="small"
              fill="outline"
              type="primary"
              onClick={() => setShowMap((shown) => !shown)}
            >
              {showMap ? t('handler.hideMap') : t('handler.showMap')}
            </Button>
          )}
        </View>
      </View>

      {list.phase === 'loading' && <LoadingList count={3} />}
      {list.phase === 'error' && list.error && (
        <ErrorMessage
          className="handler-queue__error"
          title={t('handler.error.title')}
          message={errorMessage(list.error.code)}
          onRetry={() => void reload()}
        />
      )}
      {list.phase === 'ready' && list.items.length === 0 && (
        <StateMessage
          className="handler-queue__empty"
          tone="empty"
          title={t('handler.empty.title')}
          description={filtered ? t('handler.empty.filtered') : t('handler.empty.hint')}
        />
      )}
      {hasMap() && showMap && list.phase === 'ready' && list.items.length > 0 && (
        <ReportMap reports={list.items} onOpen={open} />
      )}
      {list.phase === 'ready' && list.items.length > 0 && (
        <View className="handler-queue__list">
          {list.items.map((report) => (
            <ReportCard key={report.id} report={report} onOpen={open} forHandler />
          ))}
          <ListFooter loadingMore={list.loadingMore} ended={list.nextCursor === null} />
        </View>
      )}
    </View>
  );
}

/**
 * 报事处理 (handlers: 路长, community staff): the reports of their area, overdue first then oldest
 * first, filtered by status, category and 只看超时; on weapp also as markers on a map.
 */
export default function HandlerQueuePage() {
  const [me, reloadMe] = useMe();
  const showTick = useReshowTick(() => void reloadMe());

  if (me.phase === 'signed-out') return <SignInPrompt title={t('common.signInFirst')} />;
  if (me.phase === 'loading') {
    return (
      <View className="handler-queue handler-queue--loading">
        <LoadingList count={3} />
      </View>
    );
  }
  if (me.phase === 'error') {
    return (
      <ErrorMessage
        className="handler-queue__me-error"
        title={t('handler.meError.title')}
        message={errorMessage(me.error.code)}
        onRetry={() => void reloadMe()}
      />
    );
  }
  if (!isHandler(me.user)) {
    return (
      <StateMessage
        className="handler-queue__no-role"
        tone="empty"
        title={t('handler.noRole.title')}
        description={t('handler.noRole.hint')}
      />
    );
  }
  return <Queue showTick={showTick} />;
}
