import { taroFake } from './taro-fake';
import { session } from '../src/services/session';

export const TOKENS = { accessToken: 'access-1', refreshToken: 'refresh-token-0000000001' };

/** Signed in after a restart: tokens stored, profile not loaded yet. */
export function restoreSession(): void {
  taroFake.storage.set('yizhan.session', TOKENS);
  session.reload();
}
