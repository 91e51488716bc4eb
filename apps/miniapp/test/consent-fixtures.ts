import { taroFake } from './taro-fake';
import { reloadConsents } from '../src/services/consent';

/** This phone's answer to a consent, as the sheet stores it. */
export function decidedOnDevice(kind: 'location' | 'photos', granted = true): void {
  taroFake.storage.set(`yizhan.consent.${kind}`, {
    kind,
    version: '2026-11',
    granted,
    decidedAt: '2026-11-24T08:00:00.000Z',
  });
  reloadConsents();
}
