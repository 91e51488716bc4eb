import { DownloadOutlined, EditOutlined, PictureOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Routes,
  STATION_STATUSES,
  type Amenity,
  type CodeRotationResponse,
  type StationDetail,
  type StationStatus,
  type StationSummary,
} from '@yizhan/contracts';
import {
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, downloadFile, fetchWithSession } from '../../api/client';
import { amenityLabel, amenityOptions } from '../../components/amenities';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TruncatedNotice } from '../../components/TruncatedNotice';
import { useAuth } from '../../auth/AuthProvider';
import { useRegionStations } from '../../hooks/useRegionPlaces';
import { regionTreeData, useRegions } from '../../hooks/useRegions';
import { tc } from '../../i18n/common';
import { errorText } from '../../i18n/errors';
import { t } from './messages';
import { formatWeekly } from './station-form';
import { StationEditor } from './StationEditor';

type Key = Parameters<typeof t>[0];

const STATUS_BADGE: Record<StationStatus, 'success' | 'warning' | 'default'> = {
  open: 'success',
  temporarily_closed: 'warning',
  closed: 'default',
};

export const statusLabel = (status: StationStatus) => t(`status.${status}` as Key);

/**
 * 驿站管理: the admin's stations (GET /stations lists every status to everyone, so paused and
 * closed ones are here too), each editable in a drawer, with its printable poster.
 */
export function StationsPage() {
  const { adminRegionId } = useAuth();
  const regions = useRegions();
  const queryClient = useQueryClient();
  const [regionId, setRegionId] = useState<string | null>(adminRegionId);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [amenities, setAmenities] = useState<Amenity[]>([]);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [poster, setPoster] = useState<StationSummary | null>(null);

  const stations = useRegionStations({ regionId, q, amenities });
  // The whole region's stations, for the map's reference dots and brand suggestions.
  const allStations = useRegionStations();

  const onSaved = (saved: StationDetail) => {
    setEditing(null);
    queryClient.setQueryData(['station', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['stations'] });
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
            {t('create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('searchPlaceholder')}
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              if (!event.target.value) setQ('');
            }}
            onSearch={(value) => setQ(value)}
            enterButton={tc('action.search')}
            style={{ width: 320 }}
          />
          <TreeSelect
            aria-label={t('filter.region')}
            value={regionId ?? undefined}
            treeData={regionTreeData(regions.root)}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('filter.region')}
            onChange={(value: string | undefined) => setRegionId(value ?? adminRegionId)}
            style={{ width: 240 }}
          />
          <Select
            mode="multiple"
            allowClear
            aria-label={t('filter.amenities')}
            placeholder={t('filter.amenities')}
            value={amenities}
            options={amenityOptions()}
            onChange={setAmenities}
            maxTagCount="responsive"
            style={{ minWidth: 240 }}
          />
        </Flex>
        <QueryState query={stations}>
          {({ items, truncated }) => (
            <>
              <TruncatedNotice
                truncated={truncated}
                text={t('truncated', { count: items.length })}
              />
              <Table<StationSummary>
                className="stations-table"
                rowKey="id"
                dataSource={items}
                size="middle"
                scroll={{ x: 1240 }}
                pagination={{
                  defaultPageSize: 20,
                  showSizeChanger: true,
                  hideOnSinglePage: false,
                  showTotal: (count) => t('count', { count }),
                }}
                expandable={{
                  expandedRowRender: (station) => <StationFacts id={station.id} />,
                }}
                columns={[
                  {
                    title: t('column.name'),
                    dataIndex: 'name',
                    width: 260,
                    render: (name: string, station) => (
                      <Flex vertical>
                        <Typography.Text strong>{name}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {station.brand}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  {
                    title: t('column.address'),
                    dataIndex: 'address',
                    width: 200,
                    ellipsis: { showTitle: true },
                  },
                  {
                    title: t('column.region'),
                    dataIndex: 'regionId',
                    width: 110,
                    render: (id: string) => regions.nameOf(id),
                  },
                  {
                    title: t('column.status'),
                    dataIndex: 'status',
                    width: 120,
                    filters: STATION_STATUSES.map((value) => ({
                      value,
                      text: statusLabel(value),
                    })),
                    onFilter: (value, station) => station.status === value,
                    render: (status: StationStatus) => (
                      <Badge status={STATUS_BADGE[status]} text={statusLabel(status)} />
                    ),
                  },
                  {
                    title: t('column.openNow'),
                    dataIndex: 'openNow',
                    width: 110,
                    render: (openNow: boolean, station) =>
                      station.status !== 'open' ? (
                        '—'
                      ) : openNow ? (
                        <Typography.Text type="success">{t('openNow.yes')}</Typography.Text>
                      ) : (
                        <Typography.Text type="secondary">{t('openNow.no')}</Typography.Text>
                      ),
                  },
                  {
                    title: t('column.amenities'),
                    dataIndex: 'amenities',
                    width: 260,
                    render: (list: Amenity[]) => <AmenityTags amenities={list} />,
                  },
                  {
                    title: t('column.actions'),
                    key: 'actions',
                    width: 190,
                    fixed: 'right',
                    render: (_, station) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ id: station.id })}
                        >
                          {t('action.edit')}
                        </Button>
                        <Button
                          type="link"
                          icon={<PictureOutlined />}
                          onClick={() => setPoster(station)}
                        >
                          {t('action.poster')}
                        </Button>
                      </Space>
                    ),
                  },
                ]}
              />
            </>
          )}
        </QueryState>
      </Card>
      <StationEditor
        open={editing !== null}
        stationId={editing?.id ?? null}
        stations={allStations.data?.items ?? []}
        onClose={() => setEditing(null)}
        onSaved={onSaved}
      />
      <PosterModal station={poster} onClose={() => setPoster(null)} />
    </>
  );
}

/** The first few amenities as tags, the rest behind “+N”. */
function AmenityTags({ amenities }: { amenities: Amenity[] }) {
  const shown = amenities.slice(0, AMENITY_TAGS_SHOWN);
  const rest = amenities.slice(AMENITY_TAGS_SHOWN);
  return (
    <Flex gap={4} wrap>
      {shown.map((amenity) => (
        <Tag key={amenity} style={{ marginInlineEnd: 0 }}>
          {amenityLabel(amenity)}
        </Tag>
      ))}
      {rest.length ? (
        <Tooltip title={rest.map(amenityLabel).join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{rest.length}</Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

const AMENITY_TAGS_SHOWN = 4;

/** The expanded row: what the list does not carry (hours, contacts, radius). */
function StationFacts({ id }: { id: string }) {
  const detail = useQuery({
    queryKey: ['station', id],
    queryFn: ({ signal }) => api.get<StationDetail>(Routes.station(id), undefined, signal),
  });
  return (
    <QueryState query={detail}>
      {(station) => {
        const weekly = formatWeekly(station.openingHours.weekly);
        return (
          <Descriptions size="small" column={2} bordered className="station-facts">
            <Descriptions.Item label={t('detail.hours')} span={2}>
              {weekly.length ? weekly.join('；') : t('detail.noHours')}
              {station.openingHours.exceptions.length ? (
                <div>
                  <Typography.Text type="secondary">{t('detail.exceptions')}：</Typography.Text>
                  {station.openingHours.exceptions
                    .map((exception) =>
                      exception.closed
                        ? `${exception.date} ${t('detail.closedDay')}`
                        : `${exception.date} ${(exception.intervals ?? [])
                            .map(({ open, close }) => `${open}–${close}`)
                            .join(', ')}`,
                    )
                    .join('；')}
                </div>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.phone')}>{station.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('detail.manager')}>
              {station.managerName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.geofence')}>
              {t('detail.meters', { value: station.geofenceRadiusM })}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.coordinates')}>
              {station.lat.toFixed(6)}, {station.lng.toFixed(6)}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.services')} span={2}>
              {station.services.length ? station.services.join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.hotlines')} span={2}>
              {station.hotlines.length
                ? station.hotlines.map(({ name, phone }) => `${name} ${phone}`).join('；')
                : '—'}
            </Descriptions.Item>
          </Descriptions>
        );
      }}
    </QueryState>
  );
}

/** The poster's PNG (an authenticated image, so loaded as a blob), to view and download. */
function PosterModal({
  station,
  onClose,
}: {
  station: StationSummary | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [version, setVersion] = useState(0);
  const image = useQuery({
    queryKey: ['station-poster', station?.id, version],
    queryFn: async ({ signal }) => {
      const response = await fetchWithSession('GET', Routes.stationPoster(station!.id), { signal });
      return URL.createObjectURL(await response.blob());
    },
    enabled: station !== null,
    staleTime: 0,
    gcTime: 0,
  });
  useEffect(() => {
    const url = image.data;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [image.data]);
  const download = useMutation({
    mutationFn: () =>
      downloadFile(Routes.stationPoster(station!.id), {}, `station-${station!.id}-poster.png`),
    onSuccess: () => void message.success(t('poster.downloaded')),
    onError: (error) => void message.error(errorText(error)),
  });
  const rotate = useMutation({
    mutationFn: () => api.post<CodeRotationResponse>(Routes.stationCodeRotation(station!.id)),
    onSuccess: (answer) => {
      void message.success(t('rotate.done', { version: answer.codeVersion }));
      setVersion((value) => value + 1);
    },
    onError: (error) => void message.error(errorText(error)),
  });
  return (
    <Modal
      open={station !== null}
      onCancel={onClose}
      title={station ? t('poster.title', { name: station.name }) : ''}
      width={560}
      destroyOnHidden
      footer={
        <Flex justify="space-between">
          <Popconfirm
            title={t('action.rotate')}
            description={<div style={{ maxWidth: 300 }}>{t('rotate.confirm')}</div>}
            onConfirm={() => rotate.mutate()}
          >
            <Button danger loading={rotate.isPending}>
              {t('action.rotate')}
            </Button>
          </Popconfirm>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() => download.mutate()}
          >
            {t('action.downloadPoster')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('poster.hint')}</Typography.Paragraph>
      <QueryState query={image}>
        {(url) => (
          <img
            src={url}
            alt={station ? t('poster.title', { name: station.name }) : ''}
            className="station-poster"
            style={{ width: '100%', border: '1px solid #f0f0f0' }}
          />
        )}
      </QueryState>
    </Modal>
  );
}
