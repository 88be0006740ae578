import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn } from '@retention/api-core';
import { CreateUserRequest, Role, UpdateUserRequest } from '@retention/contracts';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'o.petrenko' })
  @FitsColumn('app_user.username') @Matches(/^[a-zA-Z0-9._-]{3,}$/, { message: 'username must be at least 3 letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(256) password!: string;
  @ApiProperty({ enum: Role }) @IsEnum(Role) role!: Role;
  @ApiProperty({ example: 'Olena Petrenko' }) @FitsColumn('app_user.display_name') @MinLength(1) displayName!: string;
  @ApiPropertyOptional({ type: Number, example: 18000, nullable: true, description: 'Monthly salary (administrators only ever see it)' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @FitsColumn('app_user.monthly_salary') @Min(0) monthlySalary?: number | null;
  @ApiPropertyOptional({ type: String, example: 'Kyiv desk', nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @FitsColumn('app_user.team') team?: string | null;
  @ApiPropertyOptional({ type: String, example: 'o.petrenko@example.com', nullable: true, description: 'Where mail goes (executives receive the monthly churn-to-competitor report)' })
  @IsOptional() @ValidateIf((_, v) => v !== null && v !== '') @FitsColumn('app_user.email') @IsEmail() email?: string | null;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role) role?: Role;
  @ApiPropertyOptional() @IsOptional() @FitsColumn('app_user.display_name') @MinLength(1) displayName?: string;
  @ApiPropertyOptional({ minLength: 8 }) @IsOptional() @IsString() @MinLength(8) @MaxLength(256) password?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional({ type: Number, example: 18000, nullable: true, description: 'Monthly salary; null clears it' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @FitsColumn('app_user.monthly_salary') @Min(0) monthlySalary?: number | null;
  @ApiPropertyOptional({ type: String, example: 'Kyiv desk', nullable: true, description: 'Team; null or empty clears it' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @FitsColumn('app_user.team') team?: string | null;
  @ApiPropertyOptional({ type: String, example: 'o.petrenko@example.com', nullable: true, description: 'Where mail goes; null or empty clears it' })
  @IsOptional() @ValidateIf((_, v) => v !== null && v !== '') @FitsColumn('app_user.email') @IsEmail() email?: string | null;
}
