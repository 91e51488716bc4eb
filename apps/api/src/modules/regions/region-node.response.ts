import { ApiProperty } from '@nestjs/swagger';
import { REGION_LEVELS, RegionLevel, RegionNode } from '@yizhan/contracts';

/** OpenAPI description of `RegionNode` (the contract type itself stays framework-free). */
export class RegionNodeResponse implements RegionNode {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'GB/T 2260 code for cities and districts, a local code below' })
  code!: string;

  @ApiProperty({ example: '浏阳市' })
  name!: string;

  @ApiProperty({ enum: REGION_LEVELS })
  level!: RegionLevel;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId!: string | null;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone!: string;

  @ApiProperty({ type: () => [RegionNodeResponse] })
  children!: RegionNodeResponse[];
}
