import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorEnvelope } from '@yizhan/contracts';

export class FieldViolationResponse {
  @ApiProperty({ example: 'limit' })
  field!: string;

  @ApiProperty({ type: [String], example: ['isInt'] })
  constraints!: string[];
}

export class ErrorBodyResponse {
  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty()
  message!: string;

  @ApiPropertyOptional({
    type: [FieldViolationResponse],
    description: 'For VALIDATION_FAILED: the fields that failed',
  })
  details?: FieldViolationResponse[];

  @ApiProperty({ description: 'Also sent as the x-request-id header' })
  requestId!: string;
}

/** The envelope of every error response. */
export class ErrorEnvelopeResponse implements ErrorEnvelope {
  @ApiProperty({ type: ErrorBodyResponse })
  error!: ErrorBodyResponse;
}
