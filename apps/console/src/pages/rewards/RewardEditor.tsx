import {
  MAX_POINTS_AMOUNT,
  Routes,
  type RewardSummary,
  MAX_CODE_VALID_HOURS,
  LIMIT_PERIODS,
  MAX_PER_USER_LIMIT,
  REWARD_STATUSES,
  MAX_REWARD_STOCK,
} from '@yizhan/contracts';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { invalidFields } from '../../api/errors';
import { useRegionMerchants, useRegionStations } from '../../hooks/useRegionPlaces';
import { useEditorSave } from '../../hooks/useEditorSave';
import { tc } from '../../i18n/common';
import { errorText } from '../../i18n/errors';
import { t } from './messages';
import {
  emptyRewardForm,
  rewardToForm,
  toCreateReward,
  toUpdateReward,
  type RewardFormValues,
} from './reward-form';

type Key = Parameters<typeof t>[0];

interface RewardEditorProps {
  open: boolean;
  /** null: a new reward. */
  reward: RewardSummary | null;
  onClose: () => void;
  onSaved: (reward: RewardSummary) => void;
}

export function RewardEditor({ open, reward, onClose, onSaved }: RewardEditorProps) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={reward ? t('editor.editTitle', { title: reward.title }) : t('editor.createTitle')}
    >
      {open ? (
        <RewardForm
          key={reward?.id ?? 'new'}
          reward={reward}
          onCancel={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Drawer>
  );
}

function RewardForm({
  reward,
  onCancel,
  onSaved,
}: {
  reward: RewardSummary | null;
  onCancel: () => void;
  onSaved: (reward: RewardSummary) => void;
}) {
  const [form] = Form.useForm<RewardFormValues>();
  const merchants = useRegionMerchants();
  const stations = useRegionStations();
  const initial = useMemo(() => (reward ? rewardToForm(reward) : emptyRewardForm()), [reward]);
  const placeType = Form.useWatch('placeType', form) ?? initial.placeType;
  const stockUnlimited = Form.useWatch('stockUnlimited', form) ?? initial.stockUnlimited;
  const perUserLimit = Form.useWatch('perUserLimit', form);

  const save = useEditorSave({
    existing: reward,
    create: (values: RewardFormValues) =>
      api.post<RewardSummary>(Routes.rewards, toCreateReward(values)),
    changesOf: toUpdateReward,
    patch: (changes, editing) => api.patch<RewardSummary>(Routes.reward(editing.id), changes),
    onSaved,
    onUnchanged: onCancel,
    onError: (error) => {
      const names = [...new Set(invalidFields(error))].filter((name) =>
        [
          'title',
          'description',
          'pointsCost',
          'stock',
          'merchantId',
          'stationId',
          'perUserLimit',
          'limitPeriod',
          'validFrom',
          'validTo',
          'codeValidHours',
        ].includes(name),
      );
      form.setFields(
        names.map((name) => ({ name: name as keyof RewardFormValues, errors: [errorText(error)] })),
      );
    },
  });

  const required = (key: Key) => ({
    required: true,
    message: tc('field.required', { field: t(key) }),
  });

  return (
    <Form<RewardFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => save.mutate(values)}
      className="reward-editor"
    >
      {save.error ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="title"
        label={t('field.title')}
        rules={[{ ...required('field.title'), whitespace: true }, { max: 60 }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="description" label={t('field.description')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item
        name="pointsCost"
        label={t('field.pointsCost')}
        rules={[required('field.pointsCost')]}
      >
        <InputNumber min={1} max={MAX_POINTS_AMOUNT} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="placeType"
        label={t('field.placeType')}
        tooltip={reward ? t('field.place.locked') : undefined}
      >
        <Radio.Group
          optionType="button"
          disabled={reward !== null}
          options={[
            { value: 'merchant', label: t('place.merchant') },
            { value: 'station', label: t('place.station') },
          ]}
        />
      </Form.Item>
      {placeType === 'merchant' ? (
        <Form.Item
          name="merchantId"
          label={t('field.merchant')}
          rules={[required('field.merchant')]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={reward !== null}
            loading={merchants.isPending}
            options={(merchants.data?.items ?? []).map((merchant) => ({
              value: merchant.id,
              label: merchant.name,
            }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name="stationId" label={t('field.station')} rules={[required('field.station')]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={reward !== null}
            loading={stations.isPending}
            options={(stations.data?.items ?? []).map((station) => ({
              value: station.id,
              label: station.name,
            }))}
          />
        </Form.Item>
      )}
      <Flex gap={16} align="flex-start">
        <Form.Item
          name="stockUnlimited"
          label={reward ? t('field.stock.edit') : t('field.stock')}
          valuePropName="checked"
        >
          <Switch
            checkedChildren={t('field.stock.unlimited')}
            unCheckedChildren={t('field.stock.limited')}
          />
        </Form.Item>
        {stockUnlimited ? null : (
          <Form.Item
            name="stock"
            label={<span aria-hidden>&nbsp;</span>}
            rules={[required(reward ? 'field.stock.edit' : 'field.stock')]}
          >
            <InputNumber
              aria-label={reward ? t('field.stock.edit') : t('field.stock')}
              min={0}
              max={MAX_REWARD_STOCK}
              precision={0}
              style={{ width: 160 }}
            />
          </Form.Item>
        )}
      </Flex>
      <Flex gap={16}>
        <Form.Item name="perUserLimit" label={t('field.perUserLimit')}>
          <InputNumber
            min={1}
            max={MAX_PER_USER_LIMIT}
            precision={0}
            placeholder={t('field.perUserLimit.placeholder')}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item name="limitPeriod" label={t('field.limitPeriod')}>
          <Select
            disabled={!perUserLimit}
            style={{ width: 120 }}
            options={LIMIT_PERIODS.map((value) => ({
              value,
              label: t(`period.${value}` as Key),
            }))}
          />
        </Form.Item>
      </Flex>
      <Flex gap={16}>
        <Form.Item
          name="validFrom"
          label={t('field.validFrom')}
          tooltip={t('field.validity.help')}
          style={{ flex: 1 }}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('field.validTo')}
          tooltip={t('field.validity.help')}
          dependencies={['validFrom']}
          style={{ flex: 1 }}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                return !value || !from || value.isAfter(from)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('field.validTo.afterFrom')));
              },
            }),
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        name="codeValidHours"
        label={t('field.codeValidHours')}
        tooltip={t('field.codeValidHours.help')}
        rules={[required('field.codeValidHours')]}
      >
        <InputNumber min={1} max={MAX_CODE_VALID_HOURS} precision={0} style={{ width: 160 }} />
      </Form.Item>
      {reward ? (
        <Form.Item name="status" label={t('field.status')}>
          <Radio.Group
            optionType="button"
            options={REWARD_STATUSES.map((value) => ({
              value,
              label: t(`status.${value}` as Key),
            }))}
          />
        </Form.Item>
      ) : null}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{tc('action.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {tc('action.save')}
        </Button>
      </Flex>
    </Form>
  );
}
