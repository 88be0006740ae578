import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsPageLimit, IsPageOffset } from '@retention/api-core';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SearchSubscribersDto {
  @ApiPropertyOptional({ description: 'Account number, name, phone or address (part of it)' })
  @IsOptional() @IsString() @MaxLength(120)
  search?: string;

  @ApiPropertyOptional({ default: 25, maximum: 200 })
  @IsPageLimit(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsPageOffset()
  offset?: number;
}
