import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  UpsertCompetitorRequest,
  UpsertCompetitorTariffRequest,
  UpsertRegionRequest,
  UpsertServiceRequest,
  UpsertTariffRequest,
} from '@retention/contracts';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const CODE = /^[a-z0-9][a-z0-9_-]{0,47}$/;
const CODE_MESSAGE = 'code must be lower-case letters, digits, dashes or underscores';

export class UpsertRegionDto implements UpsertRegionRequest {
  @ApiProperty({ example: 'north' }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertServiceDto implements UpsertServiceRequest {
  @ApiProperty({ example: 'internet' }) @IsString() @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertTariffDto implements UpsertTariffRequest {
  @ApiProperty() @IsString() @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty() @IsString() @Matches(CODE, { message: 'serviceCode must be a service code' }) serviceCode!: string;
  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1_000_000) monthlyPrice!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) speedMbps?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) channels?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertCompetitorDto implements UpsertCompetitorRequest {
  @ApiProperty() @IsString() @Matches(CODE, { message: CODE_MESSAGE }) code!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) strengths?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) weaknesses?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class UpsertCompetitorTariffDto implements UpsertCompetitorTariffRequest {
  @ApiProperty() @IsString() @Matches(CODE, { message: 'regionCode must be a region code' }) regionCode!: string;
  @ApiProperty() @IsString() @Matches(CODE, { message: 'serviceCode must be a service code' }) serviceCode!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1_000_000) monthlyPrice!: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) speedMbps?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) channels?: number | null;
}
