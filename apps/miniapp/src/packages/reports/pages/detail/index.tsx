import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import {
  ErrorCode,
  MAX_REPORT_DESCRIPTION,
  MAX_REPORT_PHOTOS,
  type ReportView,
} from '@yizhan/contracts';
import { useCallback, useState } from 'react';
import { Button } from '../../../../components/nutui';
import { PhotoGrid } from '../../../../components/PhotoGrid';
import { ReportBody } from '../../../../components/ReportBody';
import { SheetForm } from '../../../../components/SheetForm';
import { SignInPrompt } from '../../../../components/SignInPrompt';
import { ResourceFallback, StateMessage } from '../../../../components/StateView';
import { usePhotoUploads } from '../../../../hooks/usePhotoUploads';
import { descriptionError } from '../../../../hooks/useReportForm';
import { useResource } from '../../../../hooks/useResource';
import { useSession } from '../../../../hooks/useSession';
import { errorMessage, t } from '../../../../i18n';
import { toApiError, type ApiError } from '../../../../services/api-error';
import { getReport, updateReport } from '../../../../services/reports';
import './index.scss';

/** 修改描述: the reporter, while the report is 待受理. */
interface EditProps {
  report: ReportView;
  onClose: () => void;
  onSaved: (report: ReportView) => void;
  /** Accepted meanwhile: edits are over; the page says so and shows the fresh report. */
  onStale: (error: ApiError) => void;
}

function EditDescription(props: EditProps) {
  const [text, setText] = useState(props.report.description);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const invalid = descriptionError(text);
    if (invalid) {
      setError(invalid);
      return;
    }
    setSaving(true);
    try {
      props.onSaved(await updateReport(props.report.id, { description: text.trim() }));
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === ErrorCode.REPORT_BAD_TRANSITION) props.onStale(apiError);
      else setError(errorMessage(apiError.code));
    } finally {
      setSaving(false);
    }
  };

  return (
    <SheetForm
      visible
      className="report-detail__edit-sheet"
      title={t('reportDetail.edit.title')}
      submitText={t('reportDetail.save')}
      submitting={saving}
      error={error}
      onSubmit={() => void save()}
      onClose={props.onClose}
    >
      <Textarea
        className="sheet-form__textarea"
        value={text}
        maxlength={MAX_REPORT_DESCRIPTION}
        placeholder={t('report.descriptionPlaceholder')}
        onInput={(event) => {
          setText(event.detail.value);
          setError(null);
        }}
      />
      <Text className="sheet-form__counter">
        {t('report.counter', { n: text.length, max: MAX_REPORT_DESCRIPTION })}
      </Text>
    </SheetForm>
  );
}

/** 补充照片: up to six photos in all, uploaded as they are picked, then attached at once. */
function AddPhotos(props: EditProps) {
  const photos = usePhotoUploads(Math.max(0, MAX_REPORT_PHOTOS - props.report.photos.length));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const ready = photos.items.filter((item) => item.status === 'done' && item.mediaId !== null);
    if (photos.uploading) {
      setError(t('handlerDetail.photosUploading'));
      return;
    }
    if (ready.length !== photos.items.length) {
      setError(t('report.photosFailedFirst'));
      return;
    }
    if (ready.length === 0) {
      props.onClose();
      return;
    }
    setSaving(true);
    try {
      const report = await updateReport(props.report.id, {
        addMediaIds: ready.map((item) => item.mediaId as string),
      });
      props.onSaved(report);
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === ErrorCode.REPORT_BAD_TRANSITION) props.onStale(apiError);
      else setError(errorMessage(apiError.code));
    } finally {
      setSaving(false);
    }
  };

  return (
    <SheetForm
      visible
      className="report-detail__photos-sheet"
      title={t('reportDetail.addPhotos.title')}
      submitText={t('reportDetail.save')}
      submitting={saving}
      error={error}
      onSubmit={() => void save()}
      onClose={props.onClose}
    >
      <PhotoGrid photos={photos} disabled={saving} />
    </SheetForm>
  );
}

type Editing = 'description' | 'photos' | null;

function ReportDetail({ id }: { id: string }) {
  const [report, actions] = useResource(useCallback(() => getReport(id), [id]));
  const [editing, setEditing] = useState<Editing>(null);

  useDidShow(() => {
    void actions.reload();
  });

  usePullDownRefresh(() => {
    void actions.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (report.phase !== 'ready') {
    return (
      <ResourceFallback
        state={report}
        block="report-detail"
        notFound={{
          title: t('reportDetail.notFound.title'),
          hint: t('reportDetail.notFound.hint'),
        }}
        errorTitle={t('reportDetail.error.title')}
        onRetry={() => void actions.reload()}
      />
    );
  }

  const { data } = report;
  const editable = data.allowedActions.includes('edit');
  const saved = (next: ReportView) => {
    actions.replace(next);
    setEditing(null);
    void Taro.showToast({ title: t('reportDetail.saved'), icon: 'none' });
  };
  const stale = (error: ApiError) => {
    setEditing(null);
    void Taro.showToast({ title: errorMessage(error.code), icon: 'none' });
    void actions.reload();
  };

  return (
    <View className="report-detail">
      <ReportBody report={data}>
        {editable && (
          <View className="report-detail__edit">
            <Text className="report-detail__edit-hint">{t('reportDetail.editHint')}</Text>
            <View className="report-detail__edit-actions">
              <Button
                className="report-detail__edit-description"
                size="small"
                fill="outline"
                type="primary"
                onClick={() => setEditing('description')}
              >
                {t('reportDetail.edit')}
              </Button>
              {data.photos.length < MAX_REPORT_PHOTOS && (
                <Button
                  className="report-detail__add-photos"
                  size="small"
                  fill="outline"
                  type="primary"
                  onClick={() => setEditing('photos')}
                >
                  {t('reportDetail.addPhotos')}
                </Button>
              )}
            </View>
          </View>
        )}
      </ReportBody>
      {editing === 'description' && (
        <EditDescription
          report={data}
          onClose={() => setEditing(null)}
          onSaved={saved}
          onStale={stale}
        />
      )}
      {editing === 'photos' && (
        <AddPhotos report={data} onClose={() => setEditing(null)} onSaved={saved} onStale={stale} />
      )}
    </View>
  );
}

/**
 * 报事详情 (`?id=<reportId>`, also where WeChat's progress messages lead): the report, its photos,
 * the department, the points and the timeline; while 待受理 the reporter may edit the
 * description and add photos.
 */
export default function ReportDetailPage() {
  const { params } = useRouter();
  const { signedIn } = useSession();
  const id = params.id ?? '';
  if (!signedIn) return <SignInPrompt title={t('common.signInFirst')} />;
  if (id === '') {
    return (
      <StateMessage
        className="report-detail__not-found"
        tone="empty"
        title={t('reportDetail.notFound.title')}
        description={t('reportDetail.notFound.hint')}
      />
    );
  }
  return <ReportDetail id={id} />;
}
