import { Type } from 'class-transformer';
import {
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from './pagination.dto';

/** `POST /merchants` (district_admin, inside their region). Coordinates are GCJ-02. */
export class CreateMerchantDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(255)
  address!: string;

  @Type(() => Number)
  @IsLatitude()
  lat!: number;

  @Type(() => Number)
  @IsLongitude()
  lng!: number;

  @IsUUID()
  regionId!: string;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\-() ]{5,32}$/, { message: 'phone must be a telephone number' })
  phone?: string;
}

export class ListMerchantsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  regionId?: string;
}

export interface MerchantSummary {
  id: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  regionId: string;
  phone: string | null;
}
