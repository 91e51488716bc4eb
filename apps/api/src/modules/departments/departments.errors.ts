import { ErrorCode } from '@yizhan/contracts';
import { DomainError } from '../../common/errors/domain.error';

export class DepartmentError extends DomainError<typeof ErrorCode.CONFLICT> {
  static nameTaken(): DepartmentError {
    return new DepartmentError(
      ErrorCode.CONFLICT,
      'The region already has a department of this name',
      { field: 'name' },
    );
  }
}
