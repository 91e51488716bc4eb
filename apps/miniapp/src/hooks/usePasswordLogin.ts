import { PasswordLoginDto, type MeResponse } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, t, type TextKey } from '../i18n';
import { toApiError } from '../services/api-error';
import { loginWithPassword } from '../services/auth';
import { invalidFields } from '../utils/validation';

export interface PasswordLoginState {
  username: string;
  password: string;
  usernameError: string | null;
  passwordError: string | null;
  error: string | null;
  submitting: boolean;
}

export interface PasswordLoginActions {
  setUsername: (username: string) => void;
  setPassword: (password: string) => void;
  submit: () => Promise<MeResponse | null>;
}

/**
 * Usernames are lower case by the contract (USERNAME_PATTERN), while phone keyboards capitalise
 * the first letter: folding the case spares staff a baffling "wrong password".
 */
const normaliseUsername = (value: string) => value.trim().toLowerCase();

/** The contract only bounds these fields: an invalid one is either empty or too long. */
function fieldError(
  invalid: boolean,
  value: string,
  whenEmpty: TextKey,
  whenTooLong: TextKey,
): string | null {
  if (!invalid) return null;
  return t(value === '' ? whenEmpty : whenTooLong);
}

/** The staff and merchant form (`POST /auth/login`), on both platforms. */
export function usePasswordLogin(): [PasswordLoginState, PasswordLoginActions] {
  const [username, setUsernameValue] = useState('');
  const [password, setPasswordValue] = useState('');
  const [usernameError, setUsernameError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);

  const setUsername = useCallback((value: string) => {
    setUsernameValue(value);
    setUsernameError(null);
    setError(null);
  }, []);

  const setPassword = useCallback((value: string) => {
    setPasswordValue(value);
    setPasswordError(null);
    setError(null);
  }, []);

  const submit = useCallback(async (): Promise<MeResponse | null> => {
    if (busy.current) return null;
    const plain = { username: normaliseUsername(username), password };
    const invalid = invalidFields(PasswordLoginDto, plain);
    setUsernameError(
      fieldError(
        invalid.has('username'),
        plain.username,
        'login.staff.usernameRequired',
        'login.staff.usernameTooLong',
      ),
    );
    setPasswordError(
      fieldError(
        invalid.has('password'),
        plain.password,
        'login.staff.passwordRequired',
        'login.staff.passwordTooLong',
      ),
    );
    if (invalid.size > 0) return null;
    busy.current = true;
    setSubmitting(true);
    setError(null);
    try {
      return await loginWithPassword(plain.username, plain.password);
    } catch (caught) {
      setError(errorMessage(toApiError(caught).code, 'passwordLogin'));
      return null;
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }, [username, password]);

  return [
    { username, password, usernameError, passwordError, error, submitting },
    { setUsername, setPassword, submit },
  ];
}
