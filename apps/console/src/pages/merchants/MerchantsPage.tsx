import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Routes,
  type CreateMerchantDto,
  type MerchantSummary,
  type UpdateMerchantDto,
} from '@yizhan/contracts';
import { Alert, App, Button, Card, Form, Input, Modal, Table, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { invalidFields } from '../../api/errors';
import {
  isCompleteLocation,
  LocationPicker,
  type LocationValue,
} from '../../components/LocationPicker';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TruncatedNotice } from '../../components/TruncatedNotice';
import { useRegionMerchants } from '../../hooks/useRegionPlaces';
import { regionTreeData, useRegions } from '../../hooks/useRegions';
import { tc } from '../../i18n/common';
import { errorText } from '../../i18n/errors';
import { t } from './messages';

type Key = Parameters<typeof t>[0];

/**
 * 合作商家: the region's partner merchants, adding one (POST /merchants) and changing one
 * (PATCH /merchants/:id, only the fields changed). The API cannot remove a merchant: rewards
 * and issued codes refer to it.
 */
export function MerchantsPage() {
  const merchants = useRegionMerchants();
  const regions = useRegions();
  /** The editor: closed, open for a new merchant (`'new'`), or open on one. */
  const [editing, setEditing] = useState<MerchantSummary | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        <QueryState query={merchants}>
          {({ items, truncated }) => (
            <>
              <TruncatedNotice
                truncated={truncated}
                text={t('truncated', { count: items.length })}
              />
              <Table<MerchantSummary>
                className="merchants-table"
                rowKey="id"
                size="middle"
                dataSource={items}
                pagination={{ defaultPageSize: 20, showTotal: (count) => t('count', { count }) }}
                columns={[
                  { title: t('column.name'), dataIndex: 'name' },
                  { title: t('column.address'), dataIndex: 'address', ellipsis: true },
                  {
                    title: t('column.phone'),
                    dataIndex: 'phone',
                    width: 160,
                    render: (phone: string | null) => phone ?? '—',
                  },
                  {
                    title: t('column.region'),
                    dataIndex: 'regionId',
                    width: 160,
                    render: (id: string) => regions.nameOf(id),
                  },
                  {
                    title: t('column.coordinates'),
                    key: 'coordinates',
                    width: 200,
                    render: (_, merchant) => (
                      <Typography.Text type="secondary">
                        {merchant.lat.toFixed(6)}, {merchant.lng.toFixed(6)}
                      </Typography.Text>
                    ),
                  },
                  {
                    title: t('column.actions'),
                    key: 'actions',
                    width: 100,
                    render: (_, merchant) => (
                      <Button type="link" onClick={() => setEditing(merchant)}>
                        {tc('action.edit')}
                      </Button>
                    ),
                  },
                ]}
              />
            </>
          )}
        </QueryState>
      </Card>
      <MerchantEditor
        open={editing !== null}
        merchant={editing === 'new' ? null : editing}
        merchants={merchants.data?.items ?? []}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

interface MerchantFormValues {
  name: string;
  address: string;
  phone?: string;
  regionId?: string;
  location: LocationValue;
}

const PHONE = /^[0-9+\-() ]{5,32}$/;

/** What the form holds, as the API would store it (trimmed; an emptied phone is null). */
function formFields(values: MerchantFormValues) {
  return {
    name: values.name.trim(),
    address: values.address.trim(),
    lat: values.location.lat as number,
    lng: values.location.lng as number,
    regionId: values.regionId!,
    phone: values.phone?.trim() || null,
  };
}

/** The fields of `values` that differ from `merchant`: a PATCH sends only those. */
export function merchantChanges(
  merchant: MerchantSummary,
  values: MerchantFormValues,
): UpdateMerchantDto {
  const wanted = formFields(values);
  return Object.fromEntries(
    (Object.keys(wanted) as (keyof typeof wanted)[])
      .filter((field) => wanted[field] !== merchant[field])
      .map((field) => [field, wanted[field]]),
  );
}

function MerchantEditor({
  open,
  merchant,
  merchants,
  onClose,
}: {
  open: boolean;
  /** The merchant to change; null adds one. */
  merchant: MerchantSummary | null;
  merchants: MerchantSummary[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<MerchantFormValues>();
  const regions = useRegions();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const references = useMemo(
    () =>
      merchants
        .filter(({ id }) => id !== merchant?.id)
        .map(({ id, name, lat, lng }) => ({ id, name, lat, lng })),
    [merchants, merchant],
  );
  const save = useMutation({
    mutationFn: (values: MerchantFormValues) => {
      if (merchant) {
        return api.patch<MerchantSummary>(
          Routes.merchant(merchant.id),
          merchantChanges(merchant, values),
        );
      }
      const { phone, ...fields } = formFields(values);
      const dto: CreateMerchantDto = phone ? { ...fields, phone } : fields;
      return api.post<MerchantSummary>(Routes.merchants, dto);
    },
    onSuccess: () => {
      void message.success(merchant ? tc('state.saved') : tc('state.created'));
      void queryClient.invalidateQueries({ queryKey: ['merchants'] });
      onClose();
    },
    onError: (error) => {
      const names = [
        ...new Set(
          invalidFields(error).map((field) =>
            field === 'lat' || field === 'lng' ? 'location' : field,
          ),
        ),
      ];
      form.setFields(
        names.map((name) => ({
          name: name as keyof MerchantFormValues,
          errors: [errorText(error)],
        })),
      );
    },
  });
  const required = (key: Key) => ({
    required: true,
    whitespace: true,
    message: tc('field.required', { field: t(key) }),
  });

  return (
    <Modal
      open={open}
      title={merchant ? t('editor.editTitle') : t('editor.title')}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      okText={tc('action.save')}
      cancelText={tc('action.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      afterClose={() => save.reset()}
    >
      <Form<MerchantFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          merchant
            ? {
                name: merchant.name,
                address: merchant.address,
                phone: merchant.phone ?? undefined,
                regionId: merchant.regionId,
                location: { lat: merchant.lat, lng: merchant.lng },
              }
            : { location: { lat: null, lng: null } }
        }
        onFinish={(values) => save.mutate(values)}
        className="merchant-editor"
      >
        {save.error ? (
          <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item
          name="name"
          label={t('field.name')}
          rules={[required('field.name'), { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('field.address')}
          rules={[required('field.address'), { max: 255 }]}
        >
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('field.region')}
          rules={[{ required: true, message: tc('field.required', { field: t('field.region') }) }]}
        >
          <TreeSelect
            treeData={regionTreeData(regions.root)}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('field.phone')}
          rules={[{ pattern: PHONE, message: t('field.phone.invalid') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="location"
          label={t('field.location')}
          rules={[
            {
              validator: (_, value: LocationValue | undefined) =>
                isCompleteLocation(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('field.location.required'))),
            },
          ]}
        >
          <LocationPicker references={references} height={280} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
