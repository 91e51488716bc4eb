import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Routes,
  type Role,
  type StaffAccount,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  STAFF_ROLES,
  USERNAME_PATTERN,
} from '@yizhan/contracts';
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { showSaveError } from '../../api/form-errors';
import { useAuth } from '../../auth/AuthProvider';
import { ScopeRegionSelect } from '../../components/ScopeRegionSelect';
import { useRegions } from '../../hooks/useRegions';
import { tc } from '../../i18n/common';
import { roleLabel } from '../../i18n/roles';
import { t } from './messages';
import { useMerchantOptions, useStationOptions } from './useScopeOptions';

interface StaffFormValues {
  username: string;
  password: string;
  passwordAgain: string;
  nickname?: string;
  role: Role;
  regionId?: string;
  stationId?: string;
  merchantId?: string;
}

/** Which scope field each role takes (the API's rule in staff.service.ts). */
const SCOPE_FIELD = {
  district_admin: 'regionId',
  handler: 'regionId',
  station_manager: 'stationId',
  merchant_staff: 'merchantId',
} as const;
type ScopeField = (typeof SCOPE_FIELD)[keyof typeof SCOPE_FIELD];

const scopeFieldOf = (role: Role | undefined): ScopeField =>
  SCOPE_FIELD[role as keyof typeof SCOPE_FIELD] ?? 'regionId';

function StationField() {
  const stations = useStationOptions();
  return (
    <Form.Item
      name="stationId"
      label={t('form.station')}
      rules={[{ required: true, message: tc('field.required', { field: t('form.station') }) }]}
    >
      <Select
        placeholder={t('form.stationSearch')}
        loading={stations.isPending}
        notFoundContent={stations.isPending ? undefined : t('form.noStations')}
        options={stations.data?.items.map((station) => ({
          value: station.id,
          label: station.name,
        }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
    </Form.Item>
  );
}

function MerchantField() {
  const merchants = useMerchantOptions();
  return (
    <Form.Item
      name="merchantId"
      label={t('form.merchant')}
      rules={[{ required: true, message: tc('field.required', { field: t('form.merchant') }) }]}
    >
      <Select
        loading={merchants.isPending}
        notFoundContent={merchants.isPending ? undefined : t('form.noMerchants')}
        options={merchants.data?.items.map((merchant) => ({
          value: merchant.id,
          label: merchant.name,
        }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
    </Form.Item>
  );
}

/** POST /staff: a new account with the one scope its role takes. */
export function StaffFormModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<StaffFormValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { adminRegionId } = useAuth();
  const regions = useRegions();
  const [role, setRole] = useState<Role>('handler');
  const scopeField = scopeFieldOf(role);

  const create = useMutation({
    mutationFn: (values: StaffFormValues) => {
      const field = scopeFieldOf(values.role);
      return api.post<StaffAccount>(Routes.staff, {
        username: values.username.trim(),
        password: values.password,
        role: values.role,
        [field]: values[field],
        ...(values.nickname?.trim() ? { nickname: values.nickname.trim() } : {}),
      });
    },
    onSuccess: async () => {
      message.success(tc('state.created'));
      await queryClient.invalidateQueries({ queryKey: ['staff'] });
      onClose();
    },
    onError: (error, values) =>
      showSaveError(form, error, (text) => message.error(text), {
        USERNAME_TAKEN: { field: 'username', text: t('form.usernameTaken') },
        NOT_FOUND: { field: scopeFieldOf(values.role), text: t('form.scopeNotFound') },
      }),
  });

  const submit = (values: StaffFormValues) => {
    if (values.role !== 'district_admin') return create.mutate(values);
    modal.confirm({
      title: t('form.adminConfirm'),
      content: t('form.adminConfirmDetail', { region: regions.nameOf(values.regionId) }),
      okText: t('form.adminConfirmOk'),
      cancelText: tc('action.cancel'),
      onOk: () => create.mutateAsync(values).catch(() => undefined),
    });
  };

  return (
    <Modal
      open
      title={t('form.title')}
      okText={tc('action.save')}
      cancelText={tc('action.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role, regionId: adminRegionId ?? undefined }}
        onFinish={submit}
        onValuesChange={(changed: Partial<StaffFormValues>) => {
          // A new role takes another scope: start it afresh.
          if (changed.role) {
            setRole(changed.role);
            form.setFieldsValue({
              regionId: adminRegionId ?? undefined,
              stationId: undefined,
              merchantId: undefined,
            });
          }
        }}
      >
        <Form.Item
          name="username"
          label={t('form.username')}
          extra={t('form.usernameExtra')}
          rules={[
            { required: true, message: tc('field.required', { field: t('form.username') }) },
            { pattern: USERNAME_PATTERN, message: t('form.usernameInvalid') },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('form.password')}
          extra={t('form.passwordExtra', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
          rules={[
            { required: true, message: tc('field.required', { field: t('form.password') }) },
            {
              min: PASSWORD_MIN_LENGTH,
              max: PASSWORD_MAX_LENGTH,
              message: t('form.passwordLength', {
                min: PASSWORD_MIN_LENGTH,
                max: PASSWORD_MAX_LENGTH,
              }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
        </Form.Item>
        <Form.Item
          name="passwordAgain"
          label={t('form.passwordAgain')}
          dependencies={['password']}
          rules={[
            { required: true, message: tc('field.required', { field: t('form.passwordAgain') }) },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('form.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} />
        </Form.Item>
        <Form.Item
          name="nickname"
          label={t('form.nickname')}
          rules={[{ max: 32, message: t('form.nicknameLength') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="role" label={t('form.role')} rules={[{ required: true }]}>
          <Select options={STAFF_ROLES.map((value) => ({ value, label: roleLabel(value) }))} />
        </Form.Item>
        {scopeField === 'stationId' ? (
          <StationField />
        ) : scopeField === 'merchantId' ? (
          <MerchantField />
        ) : (
          <Form.Item
            name="regionId"
            label={t('form.region')}
            extra={t('form.regionExtra')}
            rules={[{ required: true, message: tc('field.required', { field: t('form.region') }) }]}
          >
            <ScopeRegionSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
