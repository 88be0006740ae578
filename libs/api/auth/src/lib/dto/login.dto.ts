import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@retention/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'operator' }) @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @ApiProperty({ example: 'operator' }) @IsString() @MinLength(1) @MaxLength(256) password!: string;
}
