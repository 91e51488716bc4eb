import {
  Routes,
  type ConsentKind,
  type ConsentRecord,
  type MeExport,
  type MeResponse,
  type UpdateMeDto,
} from '@yizhan/contracts';
import { request } from './request';
import { session } from './session';

/**
 * The caller's own account (`/me`). Each call that changes the account also updates the session
 * store, so every page showing the user agrees with the server's last answer.
 */

/** `PATCH /me` fields; only these exist (the API rejects anything else with 400). */
export type ProfilePatch = Pick<UpdateMeDto, 'nickname' | 'occupation' | 'platform'>;

/** `GET /me`. */
export async function getMe(): Promise<MeResponse> {
  const user = await request<MeResponse>(Routes.me);
  session.setUser(user);
  return user;
}

/** `PATCH /me`. */
export async function updateMe(patch: ProfilePatch): Promise<MeResponse> {
  const user = await request<MeResponse>(Routes.me, { method: 'PATCH', body: patch });
  session.setUser(user);
  return user;
}

/** `GET /me/export`: everything the service holds about the caller. */
export function exportMe(): Promise<MeExport> {
  return request<MeExport>(Routes.meExport);
}

/** `DELETE /me`: erases the personal data; the server ends every session, so does the client. */
export async function deleteMe(): Promise<void> {
  await request<void>(Routes.me, { method: 'DELETE' });
  session.clear();
}

function withConsents(user: MeResponse, consents: ConsentRecord[]): MeResponse {
  return { ...user, consents };
}

/** `POST /me/consents`: records agreement to a version of the privacy text. */
export async function grantConsent(kind: ConsentKind, version: string): Promise<ConsentRecord> {
  const record = await request<ConsentRecord>(Routes.meConsents, {
    method: 'POST',
    body: { kind, version },
  });
  const user = session.getUser();
  if (user) {
    const others = user.consents.filter((consent) => consent.kind !== kind);
    session.setUser(withConsents(user, [...others, record]));
  }
  return record;
}

/** `DELETE /me/consents/:kind`. */
export async function withdrawConsent(kind: ConsentKind): Promise<void> {
  await request<void>(Routes.meConsent(kind), { method: 'DELETE' });
  const user = session.getUser();
  if (user) {
    session.setUser(
      withConsents(
        user,
        user.consents.filter((consent) => consent.kind !== kind),
      ),
    );
  }
}
