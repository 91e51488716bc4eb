import { ROLES, type Role } from '@yizhan/contracts';
import { defineMessages } from './messages';

/** Role names as the mini-program words them (apps/miniapp/src/i18n/zh-CN.ts `roles`). */
const roleText = defineMessages<Role | 'unknown'>({
  'zh-CN': {
    worker: '户外劳动者',
    station_manager: '站长',
    handler: '路长（处置人员）',
    merchant_staff: '商户店员',
    district_admin: '区级管理员',
    unknown: '工作人员',
  },
  'en-US': {
    worker: 'Outdoor worker',
    station_manager: 'Station manager',
    handler: 'Handler',
    merchant_staff: 'Merchant staff',
    district_admin: 'District admin',
    unknown: 'Staff',
  },
});

/** The role's name for people; a role this build does not know reads as a generic staff member. */
export function roleLabel(role: string | null | undefined): string {
  return role && (ROLES as readonly string[]).includes(role)
    ? roleText(role as Role)
    : roleText('unknown');
}
