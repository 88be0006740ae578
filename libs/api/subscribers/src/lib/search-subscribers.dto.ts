import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsPageLimit, IsPageOffset } from '@retention/api-core';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SearchSubscribersDto {
  @ApiPropertyOptional({
    description:
      'Account number (or its digits), phone in any format (its last digits), name (surname and first name in either order, Latin or Cyrillic; the last word may be a prefix) or address; ' +
      'exact matches first; total counts matches up to 1,000',
  })
  @IsOptional() @IsString() @MaxLength(120)
  search?: string;

  @ApiPropertyOptional({ default: 25, maximum: 200 })
  @IsPageLimit(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsPageOffset()
  offset?: number;
}
