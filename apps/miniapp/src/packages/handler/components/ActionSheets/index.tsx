import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  ErrorCode,
  HANDLER_ACTIONS,
  MAX_REPORT_PHOTOS,
  type DepartmentView,
  type HandlerAction,
  type ReportView,
} from '@yizhan/contracts';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../../../components/nutui';
import { PhotoGrid } from '../../../../components/PhotoGrid';
import { SheetForm, SheetLabel } from '../../../../components/SheetForm';
import { usePhotoUploads } from '../../../../hooks/usePhotoUploads';
import { errorMessage, reportStatusLabel, t, type TextKey } from '../../../../i18n';
import { toApiError } from '../../../../services/api-error';
import {
  actOnReport,
  listDepartments,
  type HandlerActionBodies,
} from '../../../../services/reports';
import { formatDateTime } from '../../../../utils/datetime';
import { formatDistance } from '../../../../utils/format';
import './index.scss';

/** Notes and reasons: the contract's bound. */
const NOTE_MAX = 500;
const BRAND = '#d9381e';

const BUTTON: Record<HandlerAction, { label: TextKey; type: 'primary' | 'default' | 'danger' }> = {
  accept: { label: 'handlerDetail.accept', type: 'primary' },
  dispatch: { label: 'handlerDetail.dispatch', type: 'primary' },
  resolve: { label: 'handlerDetail.resolve', type: 'primary' },
  reject: { label: 'handlerDetail.reject', type: 'danger' },
  duplicate: { label: 'handlerDetail.duplicate', type: 'default' },
};

const DONE: Record<HandlerAction, TextKey> = {
  accept: 'handlerDetail.accept.done',
  dispatch: 'handlerDetail.dispatch.done',
  resolve: 'handlerDetail.resolve.done',
  reject: 'handlerDetail.reject.done',
  duplicate: 'handlerDetail.duplicate.done',
};

async function confirmed(title: string, content: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title,
    content,
    confirmText: t('common.confirm'),
    confirmColor: BRAND,
    cancelText: t('common.cancel'),
  });
  return confirm;
}

function NoteField(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <View className="action-sheet__field">
      <SheetLabel>{props.label}</SheetLabel>
      <Textarea
        className="sheet-form__textarea"
        value={props.value}
        placeholder={props.placeholder}
        maxlength={NOTE_MAX}
        onInput={(event) => props.onChange(event.detail.value)}
      />
    </View>
  );
}

function Option(props: { on: boolean; title: string; hint?: string; onPick: () => void }) {
  return (
    <View
      className={`sheet-form__option ${props.on ? 'sheet-form__option--on' : ''}`}
      role="radio"
      aria-checked={props.on}
      aria-label={props.title}
      onClick={props.onPick}
    >
      <Text>{props.title}</Text>
      {props.hint && <Text className="sheet-form__option-hint">{props.hint}</Text>}
    </View>
  );
}

type Sheet = Exclude<HandlerAction, 'accept'>;

type DepartmentsState =
  | { phase: 'loading' }
  | { phase: 'ready'; items: DepartmentView[] }
  | { phase: 'error'; code: string };

/**
 * The handler's buttons for what `allowedActions` permits, each behind its form and a
 * confirmation: 受理, 派单 (pick a department of the report's region), 办结 (a note and up to six
 * photos), 驳回 (a reason), 标记重复 (pick one of the possible duplicates). A step someone else
 * made impossible meanwhile (409 REPORT_BAD_TRANSITION) is explained and the report reloaded.
 */
export function HandlerActions(props: {
  report: ReportView;
  onDone: (report: ReportView) => void;
  onStale: () => void;
}) {
  const { report, onDone, onStale } = props;
  const allowed = HANDLER_ACTIONS.filter((action) => report.allowedActions.includes(action));
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [duplicateOfId, setDuplicateOfId] = useState<string | null>(null);
  const [departments, setDepartments] = useState<DepartmentsState>({ phase: 'loading' });
  const photos = usePhotoUploads(MAX_REPORT_PHOTOS);

  const open = (next: Sheet) => {
    setSheet(next);
    setError(null);
    setNote('');
    setDepartmentId(null);
    setDuplicateOfId(null);
    photos.replaceAll([]);
  };

  const close = () => {
    if (!running) setSheet(null);
  };

  const regionId = report.regionId;
  useEffect(() => {
    if (sheet !== 'dispatch') return;
    let current = true;
    setDepartments({ phase: 'loading' });
    listDepartments(regionId)
      .then((items) => {
        if (current) setDepartments({ phase: 'ready', items });
      })
      .catch((caught: unknown) => {
        if (current) setDepartments({ phase: 'error', code: toApiError(caught).code });
      });
    return () => {
      current = false;
    };
  }, [sheet, regionId]);

  const run = useCallback(
    async <Action extends HandlerAction>(action: Action, body: HandlerActionBodies[Action]) => {
      setRunning(true);
      try {
        const next = await actOnReport(report.id, action, body);
        setSheet(null);
        onDone(next);
        void Taro.showToast({ title: t(DONE[action]), icon: 'none' });
      } catch (caught) {
        const apiError = toApiError(caught);
        if (apiError.code === ErrorCode.REPORT_BAD_TRANSITION) {
          setSheet(null);
          await Taro.showModal({
            title: errorMessage(apiError.code),
            content: t('handlerDetail.conflict'),
            showCancel: false,
            confirmText: t('common.confirm'),
            confirmColor: BRAND,
          });
          onStale();
        } else if (sheet === null) {
          void Taro.showToast({ title: errorMessage(apiError.code), icon: 'none' });
        } else {
          setError(errorMessage(apiError.code));
        }
      } finally {
        setRunning(false);
      }
    },
    [onDone, onStale, report.id, sheet],
  );

  const accept = async () => {
    if (running) return;
    if (!(await confirmed(t('handlerDetail.accept.title'), t('handlerDetail.accept.content')))) {
      return;
    }
    await run('accept', {});
  };

  const trimmedNote = note.trim();
  const submit = async () => {
    if (running || sheet === null) return;
    setError(null);
    if (sheet === 'dispatch') {
      const chosen =
        departments.phase === 'ready'
          ? departments.items.find((item) => item.id === departmentId)
          : undefined;
      if (!chosen) {
        setError(t('handlerDetail.dispatch.required'));
        return;
      }
      const ok = await confirmed(
        t('handlerDetail.dispatch.title'),
        t('handlerDetail.dispatch.confirm', { department: chosen.name }),
      );
      if (ok)
        await run('dispatch', {
          departmentId: chosen.id,
          ...(trimmedNote ? { note: trimmedNote } : {}),
        });
      return;
    }
    if (sheet === 'resolve') {
      if (!trimmedNote) {
        setError(t('handlerDetail.resolve.required'));
        return;
      }
      if (photos.uploading) {
        setError(t('handlerDetail.photosUploading'));
        return;
      }
      if (photos.items.some((item) => item.status !== 'done')) {
        setError(t('report.photosFailedFirst'));
        return;
      }
      const mediaIds = photos.items.flatMap((item) => (item.mediaId ? [item.mediaId] : []));
      if (await confirmed(t('handlerDetail.resolve.title'), t('handlerDetail.resolve.confirm'))) {
        await run('resolve', { note: trimmedNote, ...(mediaIds.length > 0 ? { mediaIds } : {}) });
      }
      return;
    }
    if (sheet === 'reject') {
      if (!trimmedNote) {
        setError(t('handlerDetail.reject.required'));
        return;
      }
      if (await confirmed(t('handlerDetail.reject.title'), t('handlerDetail.reject.confirm'))) {
        await run('reject', { reason: trimmedNote });
      }
      return;
    }
    if (!duplicateOfId) {
      setError(t('handlerDetail.duplicate.required'));
      return;
    }
    if (await confirmed(t('handlerDetail.duplicate.title'), t('handlerDetail.duplicate.confirm'))) {
      await run('duplicate', { duplicateOfId, ...(trimmedNote ? { note: trimmedNote } : {}) });
    }
  };

  if (allowed.length === 0) {
    return (
      <View className="action-sheet__none">
        <Text>{t('handlerDetail.noActions')}</Text>
      </View>
    );
  }

  const titles: Record<Sheet, TextKey> = {
    dispatch: 'handlerDetail.dispatch.title',
    resolve: 'handlerDetail.resolve.title',
    reject: 'handlerDetail.reject.title',
    duplicate: 'handlerDetail.duplicate.title',
  };

  return (
    <View className="handler-actions">
      <Text className="handler-actions__title">{t('handlerDetail.actions')}</Text>
      <View className="handler-actions__buttons">
        {allowed.map((action) => (
          <Button
            key={action}
            className={`handler-actions__button handler-actions__${action}`}
            type={BUTTON[action].type}
            fill={action === 'accept' || action === 'resolve' ? 'solid' : 'outline'}
            loading={running && action === 'accept'}
            disabled={running}
            onClick={() => (action === 'accept' ? void accept() : open(action))}
          >
            {t(BUTTON[action].label)}
          </Button>
        ))}
      </View>

      {sheet !== null && (
        <SheetForm
          visible
          className={`action-sheet action-sheet--${sheet}`}
          title={t(titles[sheet])}
          submitText={t('common.confirm')}
          submitting={running}
          error={error}
          onSubmit={() => void submit()}
          onClose={close}
        >
          {sheet === 'dispatch' && (
            <View className="action-sheet__field">
              <SheetLabel>{t('handlerDetail.dispatch.department')}</SheetLabel>
              {departments.phase === 'loading' && (
                <Text className="action-sheet__hint">{t('common.loading')}</Text>
              )}
              {departments.phase === 'error' && (
                <Text className="action-sheet__hint">
                  {`${t('handlerDetail.dispatch.error')}：${errorMessage(departments.code)}`}
                </Text>
              )}
              {departments.phase === 'ready' && departments.items.length === 0 && (
                <Text className="action-sheet__hint">{t('handlerDetail.dispatch.none')}</Text>
              )}
              {departments.phase === 'ready' &&
                departments.items.map((department) => (
                  <Option
                    key={department.id}
                    on={department.id === departmentId}
                    title={department.name}
                    hint={department.phone ?? undefined}
                    onPick={() => setDepartmentId(department.id)}
                  />
                ))}
            </View>
          )}
          {sheet === 'duplicate' && (
            <View className="action-sheet__field">
              <SheetLabel>{t('handlerDetail.duplicate.pick')}</SheetLabel>
              {report.possibleDuplicates.length === 0 && (
                <Text className="action-sheet__hint">{t('handlerDetail.duplicate.none')}</Text>
              )}
              {report.possibleDuplicates.map((duplicate) => (
                <Option
                  key={duplicate.id}
                  on={duplicate.id === duplicateOfId}
                  title={`${reportStatusLabel(duplicate.status)} · ${
                    duplicate.address ?? t('report.duplicates.noAddress')
                  }`}
                  hint={[
                    t('report.duplicates.distance', {
                      distance: formatDistance(duplicate.distanceM),
                    }),
                    formatDateTime(duplicate.createdAt),
                  ].join(t('common.separator'))}
                  onPick={() => setDuplicateOfId(duplicate.id)}
                />
              ))}
            </View>
          )}
          {sheet === 'resolve' && (
            <>
              <NoteField
                label={t('handlerDetail.resolve.note')}
                placeholder={t('handlerDetail.resolve.notePlaceholder')}
                value={note}
                onChange={setNote}
              />
              <View className="action-sheet__field">
                <SheetLabel>{t('handlerDetail.resolve.photos')}</SheetLabel>
                <PhotoGrid photos={photos} disabled={running} />
              </View>
            </>
          )}
          {sheet === 'reject' && (
            <NoteField
              label={t('handlerDetail.reject.reason')}
              placeholder={t('handlerDetail.reject.reasonPlaceholder')}
              value={note}
              onChange={setNote}
            />
          )}
          {(sheet === 'dispatch' || sheet === 'duplicate') && (
            <NoteField
              label={t('handlerDetail.note')}
              placeholder={t('handlerDetail.notePlaceholder')}
              value={note}
              onChange={setNote}
            />
          )}
        </SheetForm>
      )}
    </View>
  );
}
