import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMonthKey } from '@retention/api-core';
import { ARCHIVE_FORMATS, type ArchiveFormat, type GenerateArchivedReportRequest, REPORT_LANGUAGES, type ReportLanguage } from '@retention/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class GenerateArchivedReportDto implements GenerateArchivedReportRequest {
  @ApiPropertyOptional({ example: '2026-10', description: 'A month before the current one (YYYY-MM); default the previous month' })
  @IsOptional() @IsMonthKey() month?: string;
}

export class ArchiveFileQueryDto {
  @ApiPropertyOptional({ enum: ARCHIVE_FORMATS, default: 'xlsx' })
  @IsOptional() @IsIn([...ARCHIVE_FORMATS], { message: `format must be one of ${ARCHIVE_FORMATS.join(', ')}` }) format?: ArchiveFormat;
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'en', description: 'The language of the headers, names of reasons and texts' })
  @IsOptional() @IsIn([...REPORT_LANGUAGES], { message: `lang must be one of ${REPORT_LANGUAGES.join(', ')}` }) lang?: ReportLanguage;
}
