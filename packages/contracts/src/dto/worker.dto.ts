import { IsString, Matches } from 'class-validator';
import { PHONE_PATTERN } from '../account-values';

/**
 * `GET /admin/workers?phone=`: a district admin finds a worker by the full phone number the
 * worker tells them (at a station's counter, on the phone), to adjust their points.
 */
export class WorkerLookupQueryDto {
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mainland mobile number' })
  phone!: string;
}

/**
 * The worker as a district admin may see them: the phone masked, whatever the admin typed.
 * Workers whose points belong to another district are answered as not found.
 */
export interface WorkerLookupResponse {
  id: string;
  nickname: string | null;
  /** `138****5678`. */
  phone: string | null;
  /** The district their points belong to; null until they first earn. */
  homeRegionId: string | null;
  homeRegionName: string | null;
  /** Spendable points (held ones excluded), 0 for a worker who never earned. */
  balance: number;
}
