import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import {
  AMENITIES,
  StationStatus,
  type Amenity,
  type StationDetail,
  type StationVisit,
  type StationVisitsPage,
} from '@yizhan/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useReshowTick } from '../../../../hooks/useReshowTick';
import { ChoiceBar } from '../../../../components/FilterBar';
import { ListFooter } from '../../../../components/ListFooter';
import { Button } from '../../../../components/nutui';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import {
  ErrorMessage,
  LoadingList,
  ResourceFallback,
  StateMessage,
} from '../../../../components/StateView';
import { StatusBadge } from '../../../../components/StatusBadge';
import { useAction } from '../../../../hooks/useAction';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useResource } from '../../../../hooks/useResource';
import { useSession } from '../../../../hooks/useSession';
import { amenityLabel, errorMessage, t, type TextKey } from '../../../../i18n';
import { stationLiveCodeUrl } from '../../../../routes';
import { deliverStationPoster, type PosterDelivery } from '../../../../services/station-poster';
import { getStation, listStationVisits, updateStation } from '../../../../services/stations';
import { formatTime } from '../../../../utils/datetime';
import { managedStationIds } from '../../../../utils/roles';
import './index.scss';

const PAGE_SIZE = 20;
const DANGER = '#d9381e';

const STATUS_CHOICES: ReadonlyArray<{ value: StationStatus; label: TextKey }> = [
  { value: StationStatus.Open, label: 'stationAdmin.status.open' },
  { value: StationStatus.TemporarilyClosed, label: 'stationAdmin.status.temporarily_closed' },
  { value: StationStatus.Closed, label: 'stationAdmin.status.closed' },
];

const POSTER_DONE: Record<PosterDelivery, TextKey> = {
  downloaded: 'stationAdmin.poster.downloaded',
  saved: 'stationAdmin.poster.saved',
  previewed: 'stationAdmin.poster.previewed',
};

type Totals = Pick<StationVisitsPage, 'date' | 'visits' | 'uniqueWorkers'>;

function sameSet(a: readonly Amenity[], b: readonly Amenity[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function VisitRow({ visit }: { visit: StationVisit }) {
  return (
    <View className="visit-row">
      <Text className="visit-row__time">{formatTime(visit.createdAt)}</Text>
      <Text className="visit-row__name">
        {visit.nickname ?? t('stationAdmin.visits.anonymous')}
      </Text>
      <Text className="visit-row__method">{t(`checkin.method.${visit.method}`)}</Text>
      {visit.flags.length > 0 && (
        <Text className="visit-row__flag">{t('stationAdmin.visits.flagged')}</Text>
      )}
    </View>
  );
}

function TodayVisits({ stationId, showTick }: { stationId: string; showTick: number }) {
  const [totals, setTotals] = useState<Totals | null>(null);
  const fetchPage = useCallback(
    async (_query: null, cursor: string | undefined) => {
      const page = await listStationVisits(stationId, { limit: PAGE_SIZE, cursor });
      if (cursor === undefined) {
        setTotals({ date: page.date, visits: page.visits, uniqueWorkers: page.uniqueWorkers });
      }
      return page;
    },
    [stationId],
  );
  const [list, actions] = usePagedList<StationVisit, null>(fetchPage, null);
  const { reload, loadMore } = actions;

  useEffect(() => {
    void reload();
  }, [showTick, reload]);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    void loadMore();
  });

  return (
    <View className="station-admin__section station-admin__visits">
      <Text className="station-admin__section-title">{t('stationAdmin.visits.title')}</Text>
      {totals && (
        <View className="station-admin__totals">
          <View className="station-admin__figure">
            <Text className="station-admin__figure-value station-admin__visit-count">
              {totals.visits}
            </Text>
            <Text className="station-admin__figure-label">{t('stationAdmin.visits.count')}</Text>
          </View>
          <View className="station-admin__figure">
            <Text className="station-admin__figure-value station-admin__worker-count">
              {totals.uniqueWorkers}
            </Text>
            <Text className="station-admin__figure-label">{t('stationAdmin.visits.workers')}</Text>
          </View>
        </View>
      )}
      {list.phase === 'loading' && <LoadingList count={2} />}
      {list.phase === 'error' && list.error && (
        <ErrorMessage
          className="station-admin__visits-error"
          title={t('stationAdmin.visits.error')}
          message={errorMessage(list.error.code)}
          onRetry={() => void reload()}
        />
      )}
      {list.phase === 'ready' && list.items.length === 0 && (
        <Text className="station-admin__empty">{t('stationAdmin.visits.empty')}</Text>
      )}
      {list.phase === 'ready' && list.items.length > 0 && (
        <View className="station-admin__visit-list">
          {list.items.map((visit) => (
            <VisitRow key={visit.id} visit={visit} />
          ))}
          <ListFooter loadingMore={list.loadingMore} ended={list.nextCursor === null} />
        </View>
      )}
    </View>
  );
}

function Manage({
  station,
  onSaved,
}: {
  station: StationDetail;
  onSaved: (next: unknown) => void;
}) {
  const [draft, setDraft] = useState<readonly Amenity[]>(station.amenities);
  useEffect(() => setDraft(station.amenities), [station.amenities]);

  const [changingStatus, changeStatus] = useAction(async (status: StationStatus) => {
    if (status === station.status) return;
    if (status !== StationStatus.Open) {
      const { confirm } = await Taro.showModal({
        title: t(`stationAdmin.status.${status}`),
        content: t(`stationAdmin.status.confirm.${status}`),
        confirmText: t('stationAdmin.status.confirmOk'),
        confirmColor: DANGER,
        cancelText: t('common.cancel'),
      });
      if (!confirm) return;
    }
    onSaved(await updateStation(station.id, { status }));
    void Taro.showToast({ title: t('stationAdmin.saved'), icon: 'none' });
  });

  const [savingAmenities, saveAmenities] = useAction(async () => {
    onSaved(await updateStation(station.id, { amenities: [...draft] }));
    void Taro.showToast({ title: t('stationAdmin.saved'), icon: 'none' });
  });

  const [downloading, downloadPoster] = useAction(async () => {
    const delivery = await deliverStationPoster(station.id, station.name);
    void Taro.showToast({ title: t(POSTER_DONE[delivery]), icon: 'none' });
  });

  const toggle = (amenity: Amenity) =>
    setDraft((current) =>
      current.includes(amenity)
        ? current.filter((item) => item !== amenity)
        : [...current, amenity],
    );

  return (
    <>
      <View className="station-admin__section">
        <Text className="station-admin__section-title">{t('stationAdmin.code.title')}</Text>
        <Text className="station-admin__hint">{t('stationAdmin.code.hint')}</Text>
        <View className="station-admin__buttons">
          <Button
            className="station-admin__live-code"
            type="primary"
            disabled={station.status === StationStatus.Closed}
            onClick={() => void Taro.navigateTo({ url: stationLiveCodeUrl(station.id) })}
          >
            {t('stationAdmin.code.live')}
          </Button>
          <Button
            className="station-admin__poster"
            fill="outline"
            type="primary"
            loading={downloading}
            onClick={() => void downloadPoster()}
          >
            {t('stationAdmin.code.poster')}
          </Button>
        </View>
      </View>

      <View className="station-admin__section">
        <Text className="station-admin__section-title">{t('stationAdmin.status.title')}</Text>
        <ChoiceBar
          choices={STATUS_CHOICES.map((choice) => ({
            value: choice.value,
            label: t(choice.label),
          }))}
          value={station.status}
          onChange={(status) => {
            if (!changingStatus) void changeStatus(status);
          }}
        />
        <Text className="station-admin__hint">{t('stationAdmin.status.hint')}</Text>
      </View>

      <View className="station-admin__section">
        <Text className="station-admin__section-title">{t('stationAdmin.amenities.title')}</Text>
        <View className="station-admin__amenities">
          {AMENITIES.map((amenity) => {
            const on = draft.includes(amenity);
            return (
              <Button
                key={amenity}
                className={`station-admin__amenity ${on ? 'station-admin__amenity--on' : ''}`}
                size="small"
                shape="round"
                type={on ? 'primary' : 'default'}
                fill={on ? 'solid' : 'outline'}
                onClick={() => toggle(amenity)}
              >
                {amenityLabel(amenity)}
              </Button>
            );
          })}
        </View>
        <Button
          className="station-admin__save-amenities"
          type="primary"
          block
          loading={savingAmenities}
          disabled={sameSet(draft, station.amenities)}
          onClick={() => void saveAmenities()}
        >
          {t('stationAdmin.amenities.save')}
        </Button>
      </View>
    </>
  );
}

function isStationDetail(value: unknown): value is StationDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as StationDetail).id === 'string' &&
    typeof (value as StationDetail).status === 'string' &&
    Array.isArray((value as StationDetail).amenities)
  );
}

function StationAdmin({ stationId }: { stationId: string }) {
  const [station, actions] = useResource(useCallback(() => getStation(stationId), [stationId]));
  const { reload, replace } = actions;
  const showTick = useReshowTick(() => void reload());

  // The PATCH answer is the station as it now is; anything else, ask again.
  const saved = useCallback(
    (next: unknown) => {
      if (isStationDetail(next)) replace(next);
      else void reload();
    },
    [reload, replace],
  );

  if (station.phase !== 'ready') {
    return (
      <ResourceFallback
        state={station}
        block="station-admin"
        notFound={{ title: t('detail.notFound.title'), hint: t('detail.notFound.hint') }}
        errorTitle={t('detail.error.title')}
        onRetry={() => void reload()}
      />
    );
  }

  const data = station.data;
  return (
    <View className="station-admin">
      <View className="station-admin__head">
        <Text className="station-admin__name">{data.name}</Text>
        <StatusBadge station={data} />
      </View>
      <TodayVisits stationId={stationId} showTick={showTick} />
      <Manage station={data} onSaved={saved} />
    </View>
  );
}

/**
 * 驿站管理, for a station's manager: today's visitors, the station's status and amenities, its
 * QR poster and the live code screen. Opened from 我的 with `?id=`; without one, the first
 * station the user manages.
 */
export default function StationAdminPage() {
  const { params } = useRouter();
  const { signedIn, user } = useSession();
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  const stationId = params.id ?? managedStationIds(user)[0];
  if (!stationId) {
    return (
      <StateMessage
        className="station-admin__no-station"
        tone="empty"
        title={t('stationAdmin.noStation.title')}
        description={t('stationAdmin.noStation.hint')}
      />
    );
  }
  return <StationAdmin stationId={stationId} />;
}
