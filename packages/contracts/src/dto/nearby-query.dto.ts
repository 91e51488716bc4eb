import { Type } from 'class-transformer';
import { IsLatitude, IsLongitude, ValidateIf } from 'class-validator';
import { PageQueryDto } from './pagination.dto';

type Point = { lat?: number; lng?: number };

/** A page of a list that may be ranked by distance from `lat`/`lng` (GCJ-02), given together. */
export class NearbyPageQueryDto extends PageQueryDto {
  @ValidateIf((query: Point) => query.lng !== undefined || query.lat !== undefined)
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @ValidateIf((query: Point) => query.lat !== undefined || query.lng !== undefined)
  @Type(() => Number)
  @IsLongitude()
  lng?: number;
}
