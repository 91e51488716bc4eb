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
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from './pagination.dto';

/** At least one character that is not white space (names and addresses are stored trimmed). */
const NOT_BLANK = /\S/;
/** A business's telephone number as people write it (landline, mobile, extension). */
const MERCHANT_PHONE = /^[0-9+\-() ]{5,32}$/;

/** `POST /merchants` (district_admin, inside their region). Coordinates are GCJ-02. */
export class CreateMerchantDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(NOT_BLANK, { message: 'address must not be blank' })
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
  @Matches(MERCHANT_PHONE, { message: 'phone must be a telephone number' })
  phone?: string;
}

/**
 * `PATCH /merchants/:id` (district_admin of the merchant's region): only the fields sent change;
 * `phone: null` clears the number. A new `regionId` must lie in the admin's region too.
 */
export class UpdateMerchantDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  @Matches(NOT_BLANK, { message: 'address must not be blank' })
  address?: string;

  @IsOptional()
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @IsOptional()
  @Type(() => Number)
  @IsLongitude()
  lng?: number;

  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ValidateIf((dto: UpdateMerchantDto) => dto.phone !== null && dto.phone !== undefined)
  @IsString()
  @Matches(MERCHANT_PHONE, { message: 'phone must be a telephone number' })
  phone?: string | null;
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
