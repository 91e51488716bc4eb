import { UpdateMeDto, type MeResponse, type Occupation } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, t } from '../i18n';
import { toApiError } from '../services/api-error';
import { updateMe, type ProfilePatch } from '../services/me';
import { invalidFields } from '../utils/validation';

export interface ProfileFormState {
  nickname: string;
  occupation: Occupation | null;
  platform: string;
  nicknameError: string | null;
  platformError: string | null;
  error: string | null;
  saving: boolean;
}

export interface ProfileFormActions {
  setNickname: (nickname: string) => void;
  setOccupation: (occupation: Occupation) => void;
  setPlatform: (platform: string) => void;
  /** Resolves with the saved profile, or null when the form shows why not. */
  save: () => Promise<MeResponse | null>;
}

/** Only what changed goes into `PATCH /me`, so an untouched field is never rewritten. */
function patchOf(
  user: MeResponse,
  form: Pick<ProfileFormState, 'nickname' | 'occupation' | 'platform'>,
): ProfilePatch {
  const patch: ProfilePatch = {};
  if (form.nickname !== (user.nickname ?? '')) patch.nickname = form.nickname;
  if (form.occupation !== null && form.occupation !== user.occupation) {
    patch.occupation = form.occupation;
  }
  if (form.platform !== (user.platform ?? '')) patch.platform = form.platform;
  return patch;
}

/** 编辑资料: nickname, occupation and platform, checked with the contract's UpdateMeDto. */
export function useProfileForm(user: MeResponse): [ProfileFormState, ProfileFormActions] {
  const [nickname, setNicknameValue] = useState(user.nickname ?? '');
  const [occupation, setOccupationValue] = useState<Occupation | null>(user.occupation);
  const [platform, setPlatformValue] = useState(user.platform ?? '');
  const [nicknameError, setNicknameError] = useState<string | null>(null);
  const [platformError, setPlatformError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);

  const setNickname = useCallback((value: string) => {
    setNicknameValue(value);
    setNicknameError(null);
    setError(null);
  }, []);

  const setOccupation = useCallback((value: Occupation) => {
    setOccupationValue(value);
    setError(null);
  }, []);

  const setPlatform = useCallback((value: string) => {
    setPlatformValue(value);
    setPlatformError(null);
    setError(null);
  }, []);

  const save = useCallback(async (): Promise<MeResponse | null> => {
    if (busy.current) return null;
    const patch = patchOf(user, {
      nickname: nickname.trim(),
      occupation,
      platform: platform.trim(),
    });
    const invalid = invalidFields(UpdateMeDto, patch);
    setNicknameError(invalid.has('nickname') ? t('profile.nicknameInvalid') : null);
    setPlatformError(invalid.has('platform') ? t('profile.platformInvalid') : null);
    if (invalid.size > 0) return null;
    if (Object.keys(patch).length === 0) return user;
    busy.current = true;
    setSaving(true);
    setError(null);
    try {
      return await updateMe(patch);
    } catch (caught) {
      setError(errorMessage(toApiError(caught).code, 'profile'));
      return null;
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, [user, nickname, occupation, platform]);

  return [
    { nickname, occupation, platform, nicknameError, platformError, error, saving },
    { setNickname, setOccupation, setPlatform, save },
  ];
}
