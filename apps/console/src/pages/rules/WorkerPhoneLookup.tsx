import { useMutation } from '@tanstack/react-query';
import { PHONE_PATTERN, Routes, type WorkerLookupResponse } from '@yizhan/contracts';
import { Alert, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { errorText } from '../../i18n/errors';
import { t } from './messages';

/**
 * Finds the worker an adjustment is for by the phone number they give (GET /admin/workers), and
 * shows who was found so the admin can check the name before paying. Not a form field itself:
 * the form keeps the account id it finds.
 */
export function WorkerPhoneLookup({
  found,
  onFound,
}: {
  found: WorkerLookupResponse | null;
  onFound: (worker: WorkerLookupResponse | null) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const lookup = useMutation({
    mutationFn: (phone: string) => api.get<WorkerLookupResponse>(Routes.workerLookup, { phone }),
    onSuccess: (worker) => onFound(worker),
    onError: (error) => {
      onFound(null);
      setProblem(
        error instanceof ApiError && error.code === 'NOT_FOUND'
          ? t('lookup.notFound')
          : errorText(error),
      );
    },
  });

  const search = (raw: string) => {
    const phone = raw.replace(/\s+/g, '');
    setProblem(null);
    if (!PHONE_PATTERN.test(phone)) {
      onFound(null);
      setProblem(t('lookup.invalid'));
      return;
    }
    lookup.mutate(phone);
  };

  return (
    <Form.Item
      label={t('lookup.phone')}
      validateStatus={problem ? 'error' : undefined}
      help={problem ?? undefined}
      extra={t('lookup.extra')}
    >
      <Input.Search
        aria-label={t('lookup.phone')}
        placeholder={t('lookup.placeholder')}
        enterButton={t('lookup.search')}
        inputMode="numeric"
        maxLength={13}
        loading={lookup.isPending}
        onSearch={search}
        // A changed number no longer names the worker found before.
        onChange={() => {
          if (found) onFound(null);
        }}
      />
      {found && (
        <Alert
          style={{ marginTop: 8 }}
          type="success"
          showIcon
          title={t('lookup.found', {
            name: found.nickname ?? t('lookup.noNickname'),
            phone: found.phone ?? '',
          })}
          description={
            found.homeRegionId
              ? t('lookup.home', { region: found.homeRegionName ?? '', balance: found.balance })
              : t('lookup.neverEarned')
          }
        />
      )}
    </Form.Item>
  );
}
