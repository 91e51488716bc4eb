import { FieldViolation, MAX_VISIT_STATS_DAYS } from '@yizhan/contracts';
import { ValidationFailedError } from '../../common/errors/domain.error';
import { daysInclusive, isCalendarDate } from '../../common/local-dates';

/**
 * Checks the local-date range of a statistics request: both ends real dates, `from` not after
 * `to`, at most MAX_VISIT_STATS_DAYS days with both ends counted. Every broken rule is listed,
 * so a form can mark both fields at once.
 */
export function assertVisitStatsRange(from: string, to: string): void {
  const violations: FieldViolation[] = [];
  if (!isCalendarDate(from)) violations.push({ field: 'from', constraints: ['isDate'] });
  if (!isCalendarDate(to)) violations.push({ field: 'to', constraints: ['isDate'] });
  if (violations.length > 0) {
    throw new ValidationFailedError(violations, 'from and to must be real dates (YYYY-MM-DD)');
  }
  const days = daysInclusive(from, to);
  if (days < 1) {
    throw ValidationFailedError.forField('to', 'isNotBeforeFrom', 'to must not be before from');
  }
  if (days > MAX_VISIT_STATS_DAYS) {
    throw ValidationFailedError.forField(
      'to',
      'maxPeriod',
      `Statistics cover at most ${MAX_VISIT_STATS_DAYS} days`,
    );
  }
}
