import Taro from '@tarojs/taro';
import { ErrorCode, SmsLoginDto, SmsSendDto, type MeResponse } from '@yizhan/contracts';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, t } from '../i18n';
import { toApiError } from '../services/api-error';
import { loginWithSms, sendSmsCode } from '../services/auth';
import { invalidFields } from '../utils/validation';
import { useCountdown } from './useCountdown';

export interface SmsLoginState {
  phone: string;
  code: string;
  phoneError: string | null;
  codeError: string | null;
  /** What the server said, translated; shown under the form. */
  error: string | null;
  sending: boolean;
  submitting: boolean;
  /** Seconds before 获取验证码 may be pressed again. */
  resendIn: number;
  /** A code was requested at least once (the button then reads 重新获取). */
  codeRequested: boolean;
}

export interface SmsLoginActions {
  setPhone: (phone: string) => void;
  setCode: (code: string) => void;
  sendCode: () => Promise<void>;
  /** Resolves with the user on success, null when the form shows why not. */
  submit: () => Promise<MeResponse | null>;
}

/** People type and paste numbers with spaces and dashes; the contract wants bare digits. */
const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

/** The H5 phone + SMS code form: contract validation, resend countdown, translated errors. */
export function useSmsLogin(): [SmsLoginState, SmsLoginActions] {
  const [phone, setPhoneValue] = useState('');
  const [code, setCodeValue] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [codeRequested, setCodeRequested] = useState(false);
  const [resendIn, startCountdown] = useCountdown();
  // Guards against a double tap landing before the busy state re-renders the button.
  const busy = useRef(false);

  const setPhone = useCallback((value: string) => {
    setPhoneValue(value);
    setPhoneError(null);
    setError(null);
  }, []);

  const setCode = useCallback((value: string) => {
    setCodeValue(value);
    setCodeError(null);
    setError(null);
  }, []);

  const sendCode = useCallback(async (): Promise<void> => {
    if (busy.current || resendIn > 0) return;
    const bare = digitsOnly(phone);
    if (invalidFields(SmsSendDto, { phone: bare }).has('phone')) {
      setPhoneError(t('login.sms.phoneInvalid'));
      return;
    }
    busy.current = true;
    setSending(true);
    setError(null);
    try {
      const sent = await sendSmsCode(bare);
      setCodeRequested(true);
      startCountdown(sent.resendAfterSeconds);
      void Taro.showToast({ title: t('login.sms.sent'), icon: 'none' });
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === ErrorCode.RATE_LIMITED && apiError.retryAfterSeconds) {
        startCountdown(apiError.retryAfterSeconds);
      }
      setError(errorMessage(apiError.code, 'smsSend'));
    } finally {
      busy.current = false;
      setSending(false);
    }
  }, [phone, resendIn, startCountdown]);

  const submit = useCallback(async (): Promise<MeResponse | null> => {
    if (busy.current) return null;
    const plain = { phone: digitsOnly(phone), code: code.trim() };
    const invalid = invalidFields(SmsLoginDto, plain);
    setPhoneError(invalid.has('phone') ? t('login.sms.phoneInvalid') : null);
    setCodeError(invalid.has('code') ? t('login.sms.codeInvalid') : null);
    if (invalid.size > 0) return null;
    busy.current = true;
    setSubmitting(true);
    setError(null);
    try {
      return await loginWithSms(plain.phone, plain.code);
    } catch (caught) {
      setError(errorMessage(toApiError(caught).code, 'smsLogin'));
      return null;
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  }, [phone, code]);

  return [
    { phone, code, phoneError, codeError, error, sending, submitting, resendIn, codeRequested },
    { setPhone, setCode, sendCode, submit },
  ];
}
