import { ErrorCode, ReportStatus } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type ReportErrorCode = typeof ErrorCode.REPORT_BAD_TRANSITION;

export class ReportError extends DomainError<ReportErrorCode> {
  /** The step is not allowed from where the report is now (maybe someone else moved it). */
  static badTransition(action: string, status: ReportStatus, reason?: string): ReportError {
    return new ReportError(
      ErrorCode.REPORT_BAD_TRANSITION,
      reason ??
        `A ${status} report cannot be ${action === 'edit' ? 'edited' : `given "${action}"`}`,
      { action, status, ...(reason ? { reason } : {}) },
    );
  }
}
