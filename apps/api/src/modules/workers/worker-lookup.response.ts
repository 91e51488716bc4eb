import { ApiProperty } from '@nestjs/swagger';
import type { WorkerLookupResponse } from '@yizhan/contracts';

export class WorkerLookupResponseDoc implements WorkerLookupResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, nullable: true, example: '刘师傅' })
  nickname!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '138****5678' })
  phone!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The district their points belong to; null until they first earn',
  })
  homeRegionId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '浏阳市' })
  homeRegionName!: string | null;

  @ApiProperty({ description: 'Spendable points (held ones excluded)', example: 120 })
  balance!: number;
}
