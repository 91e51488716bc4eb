import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { OCCUPATIONS, type MeResponse, type Occupation } from '@yizhan/contracts';
import { Button } from '../../../../components/nutui';
import { ErrorMessage, LoadingList, StateMessage } from '../../../../components/StateView';
import { useMe } from '../../../../hooks/useMe';
import { useProfileForm } from '../../../../hooks/useProfileForm';
import { errorMessage, occupationLabel, t } from '../../../../i18n';
import { PagePath } from '../../../../routes';
import { FormField } from '../../components/FormField';
import { Input } from '../../nutui';
import './index.scss';

const NICKNAME_MAX = 32;
const PLATFORM_MAX = 32;

/**
 * Six occupations fit on screen at once: one tap on a labelled chip, no wheel to spin (the wheel
 * picker is also what a worker in gloves gets wrong most).
 */
function OccupationChoice({
  value,
  onChange,
}: {
  value: Occupation | null;
  onChange: (occupation: Occupation) => void;
}) {
  return (
    <View className="occupation-choice" role="radiogroup" aria-label={t('profile.occupation')}>
      {OCCUPATIONS.map((occupation) => {
        const selected = occupation === value;
        return (
          <Button
            key={occupation}
            className={`occupation-choice__chip ${selected ? 'occupation-choice__chip--on' : ''}`}
            size="small"
            type={selected ? 'primary' : 'default'}
            fill={selected ? 'solid' : 'outline'}
            onClick={() => onChange(occupation)}
          >
            {occupationLabel(occupation)}
          </Button>
        );
      })}
    </View>
  );
}

function ProfileForm({ user }: { user: MeResponse }) {
  const [form, actions] = useProfileForm(user);

  const save = async () => {
    const saved = await actions.save();
    if (!saved) return;
    void Taro.showToast({ title: t('profile.saved'), icon: 'success' });
    void Taro.navigateBack();
  };

  return (
    <View className="profile-form">
      <FormField
        className="profile-form__nickname"
        label={t('profile.nickname')}
        error={form.nicknameError}
      >
        <Input
          className="profile-form__nickname-input"
          name="nickname"
          type="text"
          placeholder={t('profile.nicknamePlaceholder')}
          maxLength={NICKNAME_MAX}
          value={form.nickname}
          onChange={actions.setNickname}
        />
      </FormField>

      <View className="profile-form__occupation">
        <Text className="profile-form__label">{t('profile.occupation')}</Text>
        <OccupationChoice value={form.occupation} onChange={actions.setOccupation} />
      </View>

      <FormField
        className="profile-form__platform"
        label={t('profile.platform')}
        error={form.platformError}
      >
        <Input
          className="profile-form__platform-input"
          name="platform"
          type="text"
          placeholder={t('profile.platformPlaceholder')}
          maxLength={PLATFORM_MAX}
          value={form.platform}
          onChange={actions.setPlatform}
        />
      </FormField>

      {form.error && (
        <View className="profile-form__error" role="alert">
          {form.error}
        </View>
      )}
      <Button
        className="profile-form__save"
        type="primary"
        block
        loading={form.saving}
        onClick={() => void save()}
      >
        {t('profile.save')}
      </Button>
    </View>
  );
}

/** 编辑资料 (from the 我的 tab): the user's own nickname, occupation and platform. */
export default function EditProfilePage() {
  const [state, reload] = useMe();

  // Usually the 我的 tab has just loaded the profile; fetching again costs little and covers a
  // page opened after a restart (no profile in memory yet).
  useDidShow(() => {
    void reload();
  });

  if (state.phase === 'signed-out') {
    return (
      <StateMessage
        className="profile-page__signed-out"
        tone="empty"
        title={t('me.signedOut.title')}
        description={t('me.signedOut.description')}
        actionText={t('me.signedOut.login')}
        onAction={() => void Taro.redirectTo({ url: PagePath.login })}
      />
    );
  }
  if (state.phase === 'loading') return <LoadingList count={2} />;
  if (state.phase === 'error') {
    return (
      <ErrorMessage
        className="profile-page__error"
        title={t('me.error.title')}
        message={errorMessage(state.error.code)}
        onRetry={() => void reload()}
      />
    );
  }
  return (
    <View className="profile-page">
      {/* Keyed by user so a profile that arrives later starts a fresh form. */}
      <ProfileForm key={state.user.id} user={state.user} />
    </View>
  );
}
