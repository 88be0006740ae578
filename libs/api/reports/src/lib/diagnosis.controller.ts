import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@retention/api-core';
import { DiagnosisReport, Permission } from '@retention/contracts';
import { DiagnosisService } from './diagnosis.service';

@ApiTags('reports')
@Controller('diagnosis')
export class DiagnosisController {
  constructor(private readonly diagnosis: DiagnosisService) {}

  @Get()
  @RequirePermission(Permission.ReportsRead)
  @ApiOperation({ summary: 'The eleven points of the retention checklist, each answered from the operator’s own data, with where the console shows it' })
  @ApiOkResponse({ description: 'Each point with its status, figures and link' })
  report(): Promise<DiagnosisReport> {
    return this.diagnosis.report();
  }
}
