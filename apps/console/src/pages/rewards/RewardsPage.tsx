import {
  EditOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Routes, type LimitPeriod, type RewardSummary } from '@yizhan/contracts';
import {
  App,
  Badge,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { fetchAllPages } from '../../api/all-pages';
import { api } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TruncatedNotice } from '../../components/TruncatedNotice';
import { useAuth } from '../../auth/AuthProvider';
import { errorText } from '../../i18n/errors';
import { t } from './messages';
import { rewardState, type RewardState } from './reward-form';
import { RewardEditor } from './RewardEditor';
import { formatShanghai } from '../../i18n/shanghai-time';

type Key = Parameters<typeof t>[0];

const STATE_BADGE: Record<RewardState, 'success' | 'warning' | 'default' | 'processing' | 'error'> =
  {
    available: 'success',
    paused: 'warning',
    notYet: 'processing',
    ended: 'default',
    soldOut: 'error',
  };
const STATES: RewardState[] = ['available', 'paused', 'notYet', 'ended', 'soldOut'];

export function limitText(limit: number | null, period: LimitPeriod | null): string {
  if (!limit) return t('unlimited');
  return t(`limit.${period ?? 'total'}` as Key, { count: limit });
}

export function validityText(reward: Pick<RewardSummary, 'validFrom' | 'validTo'>): string {
  const from = formatShanghai(reward.validFrom);
  const to = formatShanghai(reward.validTo);
  if (from && to) return t('validity.range', { from, to });
  if (from) return t('validity.from', { from });
  if (to) return t('validity.to', { to });
  return t('validity.always');
}

/**
 * 兑换奖品: the rewards of the admin's region. `GET /rewards?includeInactive=true` is the admin's
 * view (paused and out-of-window ones too, limited to the admin's region by the API); a worker's
 * list shows only redeemable ones. Rewards are never deleted: pausing withdraws one.
 */
export function RewardsPage() {
  const { adminRegionId } = useAuth();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ reward: RewardSummary | null } | null>(null);

  const rewards = useQuery({
    queryKey: ['rewards', adminRegionId],
    queryFn: ({ signal }) =>
      fetchAllPages<RewardSummary>(
        Routes.rewards,
        { includeInactive: true, regionId: adminRegionId },
        signal,
      ),
    enabled: adminRegionId !== null,
  });

  const setStatus = useMutation({
    mutationFn: ({ reward, status }: { reward: RewardSummary; status: 'active' | 'paused' }) =>
      api.patch<RewardSummary>(Routes.reward(reward.id), { status }),
    onSuccess: (saved) => {
      void message.success(saved.status === 'paused' ? t('pause.done') : t('resume.done'));
      void queryClient.invalidateQueries({ queryKey: ['rewards'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const places = useMemo(() => {
    const names = new Map<string, string>();
    for (const reward of rewards.data?.items ?? []) {
      const place = reward.merchant ?? reward.station;
      if (place) names.set(place.id, place.name);
    }
    return [...names.entries()].map(([value, text]) => ({ value, text }));
  }, [rewards.data]);

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ reward: null })}
          >
            {t('create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 320 }}
          />
        </Flex>
        <QueryState query={rewards}>
          {({ items, truncated }) => {
            const needle = search.trim().toLowerCase();
            const shown = needle
              ? items.filter((reward) => reward.title.toLowerCase().includes(needle))
              : items;
            return (
              <>
                <TruncatedNotice
                  truncated={truncated}
                  text={t('truncated', { count: items.length })}
                />
                <Table<RewardSummary>
                  className="rewards-table"
                  rowKey="id"
                  size="middle"
                  dataSource={shown}
                  scroll={{ x: 1100 }}
                  pagination={{
                    defaultPageSize: 20,
                    showTotal: (count) => t('count', { count }),
                  }}
                  columns={[
                    {
                      title: t('column.title'),
                      dataIndex: 'title',
                      width: 220,
                      render: (title: string, reward) => (
                        <Flex vertical>
                          <Typography.Text strong>{title}</Typography.Text>
                          {reward.description ? (
                            <Typography.Text
                              type="secondary"
                              style={{ fontSize: 12, maxWidth: 200 }}
                              ellipsis={{ tooltip: reward.description }}
                            >
                              {reward.description}
                            </Typography.Text>
                          ) : null}
                        </Flex>
                      ),
                    },
                    {
                      title: t('column.pointsCost'),
                      dataIndex: 'pointsCost',
                      align: 'right',
                      width: 90,
                      sorter: (a, b) => a.pointsCost - b.pointsCost,
                    },
                    {
                      title: t('column.stock'),
                      dataIndex: 'stock',
                      align: 'right',
                      width: 90,
                      render: (stock: number | null) => (stock === null ? t('unlimited') : stock),
                    },
                    {
                      title: t('column.place'),
                      key: 'place',
                      width: 220,
                      ellipsis: true,
                      filters: places,
                      onFilter: (value, reward) =>
                        (reward.merchant ?? reward.station)?.id === value,
                      render: (_, reward) =>
                        reward.merchant ? (
                          <span title={reward.merchant.name}>
                            <Tag color="blue">{t('place.merchant')}</Tag>
                            {reward.merchant.name}
                          </span>
                        ) : reward.station ? (
                          <span title={reward.station.name}>
                            <Tag color="volcano">{t('place.station')}</Tag>
                            {reward.station.name}
                          </span>
                        ) : (
                          '—'
                        ),
                    },
                    {
                      title: t('column.limit'),
                      key: 'limit',
                      width: 110,
                      render: (_, reward) => limitText(reward.perUserLimit, reward.limitPeriod),
                    },
                    {
                      title: t('column.validity'),
                      key: 'validity',
                      width: 200,
                      render: (_, reward) => (
                        <Flex vertical>
                          <span>{validityText(reward)}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('validity.codeHours', { hours: reward.codeValidHours })}
                          </Typography.Text>
                        </Flex>
                      ),
                    },
                    {
                      title: t('column.state'),
                      key: 'state',
                      width: 100,
                      filters: STATES.map((value) => ({
                        value,
                        text: t(`state.${value}` as Key),
                      })),
                      onFilter: (value, reward) => rewardState(reward) === value,
                      render: (_, reward) => {
                        const state = rewardState(reward);
                        return (
                          <Badge status={STATE_BADGE[state]} text={t(`state.${state}` as Key)} />
                        );
                      },
                    },
                    {
                      title: t('column.actions'),
                      key: 'actions',
                      width: 170,
                      render: (_, reward) => (
                        <Space size={0}>
                          <Button
                            type="link"
                            icon={<EditOutlined />}
                            onClick={() => setEditing({ reward })}
                          >
                            {t('action.edit')}
                          </Button>
                          {reward.status === 'active' ? (
                            <Popconfirm
                              title={t('action.pause')}
                              description={
                                <div style={{ maxWidth: 280 }}>{t('pause.confirm')}</div>
                              }
                              onConfirm={() => setStatus.mutate({ reward, status: 'paused' })}
                            >
                              <Button type="link" icon={<PauseCircleOutlined />}>
                                {t('action.pause')}
                              </Button>
                            </Popconfirm>
                          ) : (
                            <Button
                              type="link"
                              icon={<PlayCircleOutlined />}
                              onClick={() => setStatus.mutate({ reward, status: 'active' })}
                            >
                              {t('action.resume')}
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            );
          }}
        </QueryState>
      </Card>
      <RewardEditor
        open={editing !== null}
        reward={editing?.reward ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: ['rewards'] });
        }}
      />
    </>
  );
}
