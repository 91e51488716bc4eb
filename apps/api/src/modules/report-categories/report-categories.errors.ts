import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export type ReportCategoryErrorCode =
  | typeof ErrorCode.CONFLICT
  | typeof ErrorCode.REPORT_CATEGORY_UNAVAILABLE
  | typeof ErrorCode.REPORT_OUTSIDE_SERVICE_AREA;

export class ReportCategoryError extends DomainError<ReportCategoryErrorCode> {
  static codeTaken(): ReportCategoryError {
    return new ReportCategoryError(
      ErrorCode.CONFLICT,
      'The region already has a category with this code',
      { field: 'code' },
    );
  }

  static unavailable(code: string): ReportCategoryError {
    return new ReportCategoryError(
      ErrorCode.REPORT_CATEGORY_UNAVAILABLE,
      `Category "${code}" is not taken at this place`,
      { category: code },
    );
  }

  static outsideServiceArea(): ReportCategoryError {
    return new ReportCategoryError(
      ErrorCode.REPORT_OUTSIDE_SERVICE_AREA,
      'No station serves this place, so no one can take a report here',
    );
  }
}
