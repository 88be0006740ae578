import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FitsColumn, IsMonthKey } from '@retention/api-core';
import { CreateUserRequest, Role, SetSalaryRequest, UpdateUserRequest } from '@retention/contracts';
import { IsBoolean, IsDefined, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

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

export class SalaryParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
  @ApiProperty({ example: '2026-12', description: 'The month the salary holds from, YYYY-MM' }) @IsMonthKey() month!: string;
}

export class SetSalaryDto implements SetSalaryRequest {
  @ApiProperty({ type: Number, nullable: true, example: 22000, description: 'The monthly salary from the month on; null: none recorded from then' })
  @IsDefined() @ValidateIf((_, v) => v !== null) @FitsColumn('salary_history.monthly_salary') @Min(0) monthlySalary!: number | null;
}
