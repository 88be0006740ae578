import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn } from '@retention/api-core';
import { CreateUserRequest, Role, UpdateUserRequest } from '@retention/contracts';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'o.petrenko' })
  @FitsColumn('app_user.username') @Matches(/^[a-zA-Z0-9._-]{3,}$/, { message: 'username must be at least 3 letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(256) password!: string;
  @ApiProperty({ enum: Role }) @IsEnum(Role) role!: Role;
  @ApiProperty({ example: 'Olena Petrenko' }) @FitsColumn('app_user.display_name') @MinLength(1) displayName!: string;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role) role?: Role;
  @ApiPropertyOptional() @IsOptional() @FitsColumn('app_user.display_name') @MinLength(1) displayName?: string;
  @ApiPropertyOptional({ minLength: 8 }) @IsOptional() @IsString() @MinLength(8) @MaxLength(256) password?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
