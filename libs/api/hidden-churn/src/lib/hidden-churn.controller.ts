import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission, UuidParam } from '@retention/api-core';
import {
  ApprovalView,
  CallListView,
  HiddenChurnCaseDetail,
  HiddenChurnCaseItem,
  HiddenChurnRulesView,
  HiddenChurnScanView,
  OfferProposal,
  Page,
  Permission,
  PresentationView,
} from '@retention/contracts';
import { OffersQueryDto, PresentationQueryDto, RequestApprovalDto } from '@retention/api-requests';
import { ContactCaseDto, CreateCallListDto, ListCasesQueryDto, ResolveCaseDto, UpdateHiddenChurnRulesDto } from './hidden-churn.dto';
import { HiddenChurnService } from './hidden-churn.service';

@ApiTags('hidden-churn')
@Controller('hidden-churn')
export class HiddenChurnController {
  constructor(private readonly hidden: HiddenChurnService) {}

  @Get('rules')
  @RequirePermission(Permission.HiddenChurnRead)
  @ApiOperation({ summary: 'The detection rules in force (the newest version) with their parameters and weights' })
  @ApiResponse({ status: 200, description: 'The rules' })
  rules(): Promise<HiddenChurnRulesView> {
    return this.hidden.rules();
  }

  @Put('rules')
  @RequirePermission(Permission.HiddenChurnManage)
  @ApiOperation({ summary: 'Change the detection rules: a new version (none when nothing changes)' })
  @ApiResponse({ status: 200, description: 'The rules in force after the change' })
  updateRules(@Body() dto: UpdateHiddenChurnRulesDto, @CurrentUser() user: AuthenticatedUser): Promise<HiddenChurnRulesView> {
    return this.hidden.updateRules(dto, user);
  }

  @Post('scans')
  @HttpCode(202)
  @RequirePermission(Permission.HiddenChurnManage)
  @ApiOperation({
    summary: 'Start a scan of the whole base (a background job)',
    description: 'Answers the scan already queued or running, if any: concurrent or repeated calls run one scan.',
  })
  @ApiResponse({ status: 202, description: 'The scan queued (or the one already under way): {"id"}' })
  async startScan(@CurrentUser() user: AuthenticatedUser): Promise<{ id: string }> {
    const { id } = await this.hidden.startScan(user.id, 'manual');
    return { id };
  }

  @Get('scans')
  @RequirePermission(Permission.HiddenChurnRead)
  @ApiOperation({ summary: 'The latest scans, newest first' })
  @ApiResponse({ status: 200, description: 'Scans with status, progress and counts' })
  scans(): Promise<HiddenChurnScanView[]> {
    return this.hidden.scans();
  }

  @Get('scans/:id')
  @RequirePermission(Permission.HiddenChurnRead)
  @ApiOperation({ summary: 'One scan: status, progress and counts' })
  @ApiResponse({ status: 200, description: 'The scan' })
  scan(@UuidParam('id') id: string): Promise<HiddenChurnScanView> {
    return this.hidden.scan(id);
  }

  @Get('cases')
  @RequirePermission(Permission.HiddenChurnRead)
  @ApiOperation({ summary: 'Cases by status, signal, region, service and risk, riskiest (or highest revenue) first; an operator gets their own' })
  @ApiResponse({ status: 200, description: 'A page of cases' })
  cases(@Query() q: ListCasesQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<HiddenChurnCaseItem>> {
    return this.hidden.cases(q, user);
  }

  @Get('cases/:id')
  @RequirePermission(Permission.HiddenChurnRead)
  @ApiOperation({ summary: 'One case with its signals and audit trail' })
  @ApiResponse({ status: 200, description: 'The case' })
  caseDetail(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<HiddenChurnCaseDetail> {
    return this.hidden.caseDetail(id, user);
  }

  @Get('cases/:id/offers')
  @RequirePermission(Permission.HiddenChurnWork)
  @ApiOperation({ summary: "Offers that fit a reason and the case's subscriber, best first (ranked as for a disconnect request)" })
  @ApiResponse({ status: 200, description: 'Offers, best first' })
  caseOffers(@UuidParam('id') id: string, @Query() q: OffersQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<OfferProposal[]> {
    return this.hidden.caseOffers(id, q.reasonCode, q.lang ?? 'en', user);
  }

  @Get('cases/:id/presentation')
  @RequirePermission(Permission.HiddenChurnWork)
  @ApiOperation({ summary: "Our tariffs for the case's services beside the competitor's in the subscriber's region" })
  @ApiResponse({ status: 200, description: 'The presentation module' })
  casePresentation(@UuidParam('id') id: string, @Query() q: PresentationQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<PresentationView> {
    return this.hidden.casePresentation(id, q.competitorId, user);
  }

  @Post('cases/:id/approvals')
  @RequirePermission(Permission.HiddenChurnWork)
  @ApiOperation({
    summary: "Ask a manager to approve an offer above the operator's limit for the case (asking again, or at once, returns the one open approval)",
    description: 'The approval joins the managers\' list (`GET /api/approvals`) and is decided there (`POST /api/approvals/{id}/decision`), as for a disconnect request; the case waits as it is, and closes `returned` with the offer once it is approved.',
  })
  @ApiResponse({ status: 201, description: 'The approval (pending, or as already decided)' })
  @ApiResponse({ status: 409, description: 'The case is already closed' })
  askApproval(@UuidParam('id') id: string, @Body() dto: RequestApprovalDto, @CurrentUser() user: AuthenticatedUser): Promise<ApprovalView> {
    return this.hidden.askApproval(id, dto, user);
  }

  @Post('cases/:id/contact')
  @HttpCode(200)
  @RequirePermission(Permission.HiddenChurnWork)
  @ApiOperation({ summary: 'Record a call to the subscriber (assigned -> contacted)' })
  @ApiResponse({ status: 200, description: 'The case' })
  @ApiResponse({ status: 409, description: 'The case is not assigned or already closed' })
  contact(@UuidParam('id') id: string, @Body() dto: ContactCaseDto, @CurrentUser() user: AuthenticatedUser): Promise<HiddenChurnCaseDetail> {
    return this.hidden.contact(id, dto, user);
  }

  @Post('cases/:id/resolve')
  @HttpCode(200)
  @RequirePermission(Permission.HiddenChurnWork)
  @ApiOperation({ summary: 'Close the case: returned, lost or false alarm, with the true reason' })
  @ApiResponse({ status: 200, description: 'The case' })
  @ApiResponse({ status: 409, description: 'The case is already closed, or its offer needs an approval not (yet) granted' })
  @ApiResponse({ status: 422, description: 'The reason is not in the classifier in force' })
  resolve(@UuidParam('id') id: string, @Body() dto: ResolveCaseDto, @CurrentUser() user: AuthenticatedUser): Promise<HiddenChurnCaseDetail> {
    return this.hidden.resolve(id, dto, user);
  }

  @Post('call-lists')
  @RequirePermission(Permission.HiddenChurnManage)
  @ApiOperation({ summary: 'Build a call list from new cases (filter, size) and share it among operators' })
  @ApiResponse({ status: 201, description: 'The call list with its progress' })
  createCallList(@Body() dto: CreateCallListDto, @CurrentUser() user: AuthenticatedUser): Promise<CallListView> {
    return this.hidden.createCallList(dto, user);
  }

  @Get('operators')
  @RequirePermission(Permission.HiddenChurnManage)
  @ApiOperation({ summary: 'The active operators a call list can be assigned to, with their open cases' })
  @ApiResponse({ status: 200, description: 'Operators' })
  operators(): Promise<{ id: string; displayName: string; openCases: number }[]> {
    return this.hidden.operators();
  }

  @Get('call-lists')
  @RequirePermission(Permission.HiddenChurnManage)
  @ApiOperation({ summary: 'Call lists, newest first, with their progress' })
  @ApiResponse({ status: 200, description: 'Call lists' })
  callLists(): Promise<CallListView[]> {
    return this.hidden.callLists();
  }

  @Get('call-lists/:id')
  @RequirePermission(Permission.HiddenChurnManage)
  @ApiOperation({ summary: 'One call list with its progress per operator' })
  @ApiResponse({ status: 200, description: 'The call list' })
  callList(@UuidParam('id') id: string): Promise<CallListView> {
    return this.hidden.callList(id);
  }
}
