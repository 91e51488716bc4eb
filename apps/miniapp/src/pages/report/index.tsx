import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { MAX_REPORT_DESCRIPTION } from '@yizhan/contracts';
import { useRef } from 'react';
import { CategoryGrid } from '../../components/CategoryGrid';
import { ConsentSheet } from '../../components/ConsentSheet';
import { DuplicatePrompt } from '../../components/DuplicatePrompt';
import { Button } from '../../components/nutui';
import { PhotoGrid } from '../../components/PhotoGrid';
import { SignInPrompt } from '../../components/SignInPrompt';
import { ErrorMessage, LoadingList, StateMessage } from '../../components/StateView';
import { useReportForm, type ReportFormState, type ReportOutcome } from '../../hooks/useReportForm';
import { useReportQueue } from '../../hooks/useReportQueue';
import { useSession } from '../../hooks/useSession';
import { errorMessage, t } from '../../i18n';
import { PagePath, reportDetailUrl } from '../../routes';
import { ClientErrorCode } from '../../services/api-error';
import { getNotificationSettings } from '../../services/notifications';
import { takeDraftEdit } from '../../services/report-queue';
import { categoryGlyph } from '../../utils/category-icon';
import './index.scss';

/** WeChat has a map picker; Taro's H5 build has none (the address is typed there). */
const canPickOnMap = () => process.env.TARO_ENV !== 'h5';

function openMyReports(): void {
  void Taro.navigateTo({ url: PagePath.myReports });
}

function FieldError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <View className="report-page__field-error" role="alert">
      {message}
    </View>
  );
}

function Outcome({ outcome, onAgain }: { outcome: ReportOutcome; onAgain: () => void }) {
  if (outcome.kind === 'sent') {
    const { report } = outcome;
    return (
      <View className="report-outcome report-outcome--sent">
        <View className="report-outcome__glyph">
          <Text>✓</Text>
        </View>
        <Text className="report-outcome__title">{t('report.success.title')}</Text>
        <Text className="report-outcome__category">
          {`${categoryGlyph(report.categoryIcon)} ${report.categoryName}`}
        </Text>
        <Text className="report-outcome__hint">{t('report.success.hint')}</Text>
        <View className="report-outcome__actions">
          <Button
            className="report-outcome__view"
            type="primary"
            block
            onClick={() => void Taro.navigateTo({ url: reportDetailUrl(report.id) })}
          >
            {t('report.success.view')}
          </Button>
          <Button className="report-outcome__again" fill="outline" block onClick={onAgain}>
            {t('report.success.again')}
          </Button>
        </View>
      </View>
    );
  }
  const offline = outcome.code === ClientErrorCode.NetworkError;
  return (
    <View className="report-outcome report-outcome--queued">
      <View className="report-outcome__glyph report-outcome__glyph--queued">
        <Text>↻</Text>
      </View>
      <Text className="report-outcome__title">{t('report.queued.title')}</Text>
      <Text className="report-outcome__hint">
        {offline
          ? t('report.queued.offline')
          : t('report.queued.reason', { reason: errorMessage(outcome.code) })}
      </Text>
      <View className="report-outcome__actions">
        <Button className="report-outcome__mine" type="primary" block onClick={openMyReports}>
          {t('report.queued.view')}
        </Button>
        <Button className="report-outcome__again" fill="outline" block onClick={onAgain}>
          {t('report.success.again')}
        </Button>
      </View>
    </View>
  );
}

function locationLine(state: ReportFormState): string {
  const { place, locationPhase } = state;
  if (locationPhase === 'locating') return t('report.locating');
  if (place?.source === 'map') return t('report.locationPicked');
  if (place) {
    return place.accuracy === null
      ? t('report.locatedPlain')
      : t('report.located', { n: Math.round(place.accuracy) });
  }
  if (locationPhase === 'refused' || locationPhase === 'needs-consent') {
    return t('report.locationRefused');
  }
  if (locationPhase === 'failed') return t('report.locationFailed');
  return '';
}

function ReportForm() {
  const [state, actions, photos] = useReportForm();
  const queue = useReportQueue();
  const settingsAsked = useRef(false);

  useDidShow(() => {
    actions.start(takeDraftEdit());
    // weapp: the template for WeChat's progress messages, asked for on the submitting tap.
    if (process.env.TARO_ENV !== 'h5' && !settingsAsked.current) {
      settingsAsked.current = true;
      getNotificationSettings()
        .then((settings) => actions.setSubscriptionTemplate(settings.reportStatusTemplateId))
        .catch(() => {
          settingsAsked.current = false;
        });
    }
  });

  if (state.outcome) {
    return (
      <View className="report-page">
        <Outcome outcome={state.outcome} onAgain={actions.reset} />
      </View>
    );
  }

  const { categories, errors } = state;
  const busy = state.phase !== 'editing';
  const queued = queue.drafts.length;
  const needsConsent = state.locationPhase === 'needs-consent' || state.locationPhase === 'refused';

  return (
    <View className="report-page">
      <View className="report-page__header">
        <View className="report-page__heading">
          <Text className="report-page__title">{t('report.title')}</Text>
          <Button
            className="report-page__mine"
            size="small"
            fill="none"
            type="primary"
            onClick={openMyReports}
          >
            {queued > 0 ? t('report.mineQueued', { n: queued }) : t('report.mine')}
          </Button>
        </View>
        <Text className="report-page__intro">{t('report.intro')}</Text>
        {state.editingDraft && (
          <Text className="report-page__editing">{t('report.editingDraft')}</Text>
        )}
      </View>

      <View className="report-page__section report-page__categories">
        <Text className="report-page__label">{t('report.category')}</Text>
        {categories.phase === 'loading' && <LoadingList count={1} />}
        {categories.phase === 'error' && categories.error && (
          <ErrorMessage
            className="report-page__categories-error"
            title={t('report.categories.error.title')}
            message={errorMessage(categories.error.code)}
            onRetry={actions.reloadCategories}
          />
        )}
        {categories.phase === 'ready' && categories.items.length === 0 && (
          <StateMessage
            className="report-page__categories-empty"
            tone="empty"
            title={t('report.categories.empty.title')}
            description={t('report.categories.empty.hint')}
          />
        )}
        {categories.phase === 'ready' && categories.items.length > 0 && (
          <CategoryGrid
            categories={categories.items}
            selected={state.category?.code ?? null}
            onSelect={actions.selectCategory}
            disabled={busy}
          />
        )}
        <FieldError message={errors.category} />
      </View>

      <View className="report-page__section report-page__photos">
        <Text className="report-page__label">{t('report.photos')}</Text>
        <Text className="report-page__hint">{t('report.photosHint', { n: photos.max })}</Text>
        <PhotoGrid photos={photos} disabled={busy} />
        <FieldError message={errors.photos} />
      </View>

      <View className="report-page__section report-page__description">
        <Text className="report-page__label">{t('report.description')}</Text>
        <Textarea
          className="report-page__textarea"
          value={state.description}
          placeholder={t('report.descriptionPlaceholder')}
          maxlength={MAX_REPORT_DESCRIPTION}
          disabled={busy}
          onInput={(event) => actions.setDescription(event.detail.value)}
        />
        <Text
          className={`report-page__counter ${
            state.description.trim().length > MAX_REPORT_DESCRIPTION
              ? 'report-page__counter--over'
              : ''
          }`}
        >
          {t('report.counter', { n: state.description.length, max: MAX_REPORT_DESCRIPTION })}
        </Text>
        <FieldError message={errors.description} />
      </View>

      <View className="report-page__section report-page__location">
        <Text className="report-page__label">{t('report.location')}</Text>
        <Text
          className={`report-page__location-state report-page__location-state--${state.locationPhase}`}
        >
          {locationLine(state)}
        </Text>
        <View className="report-page__location-actions">
          {needsConsent ? (
            <Button
              className="report-page__grant-location"
              size="small"
              fill="outline"
              type="primary"
              onClick={actions.relocate}
            >
              {t('report.grantLocation')}
            </Button>
          ) : (
            <Button
              className="report-page__relocate"
              size="small"
              fill="outline"
              type="primary"
              disabled={busy || state.locationPhase === 'locating'}
              onClick={actions.relocate}
            >
              {t('report.relocate')}
            </Button>
          )}
          {canPickOnMap() && !needsConsent && (
            <Button
              className="report-page__pick-map"
              size="small"
              fill="outline"
              type="default"
              disabled={busy}
              onClick={() => void actions.chooseOnMap()}
            >
              {t('report.chooseOnMap')}
            </Button>
          )}
        </View>
        <Input
          className="report-page__address"
          type="text"
          value={state.address}
          placeholder={t('report.addressPlaceholder')}
          maxlength={200}
          disabled={busy}
          onInput={(event) => actions.setAddress(event.detail.value)}
        />
        <FieldError message={errors.location} />
      </View>

      <View className="report-page__submit-bar">
        <Button
          className="report-page__submit"
          type="primary"
          size="large"
          block
          loading={state.phase === 'checking' || state.phase === 'sending'}
          disabled={photos.uploading}
          onClick={() => void actions.submit()}
        >
          {photos.uploading ? t('report.waitPhotos') : t('report.submit')}
        </Button>
      </View>

      <DuplicatePrompt
        visible={
          state.phase === 'duplicates' || (state.phase === 'sending' && state.duplicates.length > 0)
        }
        categoryName={state.category?.name ?? ''}
        duplicates={state.duplicates}
        sending={state.phase === 'sending'}
        onSubmitAnyway={() => void actions.confirmDuplicates()}
        onCancel={actions.cancelDuplicates}
      />
      <ConsentSheet
        kind="location"
        visible={state.locationPhase === 'needs-consent'}
        onAgree={() => actions.answerLocationConsent(true)}
        onRefuse={() => actions.answerLocationConsent(false)}
      />
    </View>
  );
}

/**
 * 报事: pick a category, add up to six photos (each uploaded as it is picked, with progress),
 * describe it, check the place, and submit; a possible duplicate nearby is shown first. Without a
 * network the report waits on the phone and goes later (我的报事 shows it as 待发送).
 */
export default function ReportPage() {
  const { signedIn } = useSession();
  if (!signedIn) {
    return (
      <View className="report-page report-page--signed-out">
        <SignInPrompt
          title={t('report.signedOut.title')}
          description={t('report.signedOut.description')}
        />
      </View>
    );
  }
  return <ReportForm />;
}
