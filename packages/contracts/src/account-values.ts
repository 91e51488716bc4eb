import { ROLES, type Role } from './enums';

// Sign-in and account limits, in a module without DTO classes so that web clients can import
// them without class-validator.

/** Mainland mobile numbers: 11 digits starting with 1[3-9]. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const SMS_CODE_LENGTH = 6;
export const USERNAME_PATTERN = /^[a-z0-9_.@-]{3,64}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Roles a district admin may grant through `POST /staff` (workers sign themselves up). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'worker');
