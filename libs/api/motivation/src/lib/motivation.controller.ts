import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission, UuidParam } from '@retention/api-core';
import { toXlsx } from '@retention/api-reports';
import {
  BonusSchemeView,
  Permission,
  SchemePreview,
  StaffStatementDetail,
  SubscriberLinksView,
  TeamStatements,
  WorkloadView,
} from '@retention/contracts';
import type { Response } from 'express';
import { MonthParamDto, SchemePreviewQueryDto, StatementParamDto, SetBonusSchemeDto, SetSubscriberLinksDto, StatementsQueryDto, WorkloadQueryDto } from './motivation.dto';
import { MotivationService, schemeBaseVersion, schemeETag } from './motivation.service';
import { statementSheets } from './statement-export';

@ApiTags('motivation')
@Controller('motivation')
export class MotivationController {
  constructor(private readonly motivation: MotivationService) {}

  @Get('statements/:month')
  @RequirePermission(Permission.MotivationRead)
  @ApiOperation({
    summary: "The month's bonus statements: a manager gets the whole team's with the scheme's cost, anyone else their own only",
    description: 'format=xlsx returns the same statements as a spreadsheet.',
  })
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async statements(
    @Param() { month }: MonthParamDto,
    @Query() q: StatementsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TeamStatements | void> {
    const team = await this.motivation.statements(month, user);
    if (q.format === 'xlsx') {
      res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader('Content-Disposition', `attachment; filename="statements-${month}.xlsx"`);
      res.send(await toXlsx(statementSheets(team)));
      return;
    }
    return team;
  }

  @Get('statements/:month/:userId')
  @RequirePermission(Permission.MotivationRead)
  @ApiOperation({ summary: "One person's statement for the month, every figure with the requests behind it (another person's: managers only)" })
  @ApiOkResponse({ description: 'The statement with the requests behind it' })
  @ApiForbiddenResponse({ description: "Another person's statement asked by someone who does not manage motivation" })
  statement(@Param() { month, userId }: StatementParamDto, @CurrentUser() user: AuthenticatedUser): Promise<StaffStatementDetail> {
    return this.motivation.statement(month, userId, user);
  }

  @Get('schemes/:month')
  @RequirePermission(Permission.MotivationRead)
  @ApiOperation({ summary: 'The bonus scheme in effect for the month (the built-in default before any is saved)' })
  @ApiOkResponse({ headers: { ETag: { description: 'The version of a scheme saved for exactly this month ("0" when the month has none of its own)', schema: { type: 'string' } } } })
  async scheme(@Param() { month }: MonthParamDto, @Res({ passthrough: true }) res: Response): Promise<BonusSchemeView> {
    const view = await this.motivation.scheme(month);
    res.setHeader('ETag', schemeETag(view.effectiveFrom === month ? view.version : 0));
    return view;
  }

  @Get('schemes/:month/versions')
  @RequirePermission(Permission.MotivationManage)
  @ApiOperation({ summary: 'Every version of the scheme saved to take effect from the month, newest first' })
  versions(@Param() { month }: MonthParamDto): Promise<BonusSchemeView[]> {
    return this.motivation.schemeVersions(month);
  }

  @Put('schemes/:month')
  @RequirePermission(Permission.MotivationManage)
  @ApiOperation({
    summary: 'Save the bonus scheme effective from the month (YYYY-MM): a new version',
    description:
      "Optimistic concurrency as for churn plans: name the version of this month's scheme you edited with baseVersion or If-Match " +
      '(none or 0 when the month has none of its own). Otherwise, or when it is not the newest: 409 (scheme_version_required, scheme_version_conflict).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of the version edited, e.g. "2" (instead of baseVersion)' })
  @ApiOkResponse({ description: 'The new version', headers: { ETag: { description: 'The new version, e.g. "3"', schema: { type: 'string' } } } })
  @ApiConflictResponse({ description: 'The month has a newer version than the one edited, or the save named none' })
  async setScheme(
    @Param() { month }: MonthParamDto,
    @Body() dto: SetBonusSchemeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BonusSchemeView> {
    const view = await this.motivation.setScheme(month, dto, schemeBaseVersion(dto.baseVersion, ifMatch), user.id);
    res.setHeader('ETag', schemeETag(view.version));
    return view;
  }

  @Get('schemes/:month/preview')
  @RequirePermission(Permission.MotivationManage)
  @ApiOperation({
    summary: 'What a scheme for the month would have paid in the month before, its cost against saved revenue and salaries, and warnings such as a worthless bonus',
    description: 'Settings left out of the query are those of the scheme in effect for the month. Nothing is saved.',
  })
  preview(@Param() { month }: MonthParamDto, @Query() q: SchemePreviewQueryDto): Promise<SchemePreview> {
    return this.motivation.preview(month, q);
  }

  @Get('workload')
  @RequirePermission(Permission.MotivationManage)
  @ApiOperation({ summary: 'Requests and call-backs per weekday and hour (UTC) against the operators on duty: peak-hour overload' })
  workload(@Query() q: WorkloadQueryDto): Promise<WorkloadView> {
    return this.motivation.workload(q.from, q.to);
  }

  @Put('subscribers/:id/links')
  @RequirePermission(Permission.MotivationManage)
  @ApiOperation({ summary: "Assign a subscriber's representative (an operator), sales agent and sales channel; null clears one" })
  setLinks(@UuidParam('id') id: string, @Body() dto: SetSubscriberLinksDto): Promise<SubscriberLinksView> {
    return this.motivation.setLinks(id, dto);
  }
}
