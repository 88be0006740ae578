import { Body, Controller, Delete, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DisconnectRequestDto, NEW_REQUEST_EXAMPLE, REQUEST_WITH_EVENTS_EXAMPLE } from './request-responses.dto';
import { AuthenticatedUser, CurrentUser, RequirePermission, UuidParam } from '@retention/api-core';
import { ApprovalView, DisconnectRequestView, OfferProposal, Page, Permission, PresentationView, RequestDraftView } from '@retention/contracts';
import type { Response } from 'express';
import {
  CreateDisconnectRequestDto,
  DecideApprovalDto,
  DeskDraftDto,
  ListApprovalsQueryDto,
  ListRequestsQueryDto,
  OffersQueryDto,
  PostponeDisconnectRequestDto,
  PresentationQueryDto,
  RequestApprovalDto,
  ResolveDisconnectRequestDto,
} from './requests.dto';
import { DraftsService } from './drafts.service';
import { RequestsService } from './requests.service';

const Id = () => UuidParam('id');

@ApiTags('disconnect requests')
@Controller('disconnect-requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Post()
  @RequirePermission(Permission.RequestsCreate)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: "The caller's own key: a retry with the same key and body returns the same request (header Idempotent-Replayed: true); another user's key of the same spelling is another key",
  })
  @ApiOperation({ summary: 'Create a disconnect request (operators, web forms, e-mail gateways)' })
  @ApiResponse({
    status: 201,
    description: 'The request created, or the one an earlier call with the same Idempotency-Key created (then Idempotent-Replayed: true)',
    type: DisconnectRequestDto,
    example: NEW_REQUEST_EXAMPLE,
  })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was already used by the caller with a different body (idempotency_key_reused)' })
  async create(
    @Body() dto: CreateDisconnectRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DisconnectRequestView> {
    const { view, replayed } = await this.requests.create(dto, key, user);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return view;
  }

  @Get()
  @RequirePermission(Permission.RequestsRead)
  @ApiOperation({ summary: 'The queue: call-backs due first, then oldest first; filter by status' })
  list(@Query() q: ListRequestsQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<Page<DisconnectRequestView>> {
    return this.requests.list(q, user);
  }

  @Get(':id')
  @RequirePermission(Permission.RequestsRead)
  @ApiOperation({ summary: 'One request with its audit trail and the actions open to the caller' })
  @ApiResponse({ status: 200, description: 'The request', type: DisconnectRequestDto, example: REQUEST_WITH_EVENTS_EXAMPLE })
  get(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<DisconnectRequestView> {
    return this.requests.get(id, user);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @RequirePermission(Permission.RequestsWork)
  @ApiOperation({ summary: 'Take the request (409 when another operator has it)' })
  claim(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<DisconnectRequestView> {
    return this.requests.claim(id, user);
  }

  @Post(':id/release')
  @HttpCode(200)
  @RequirePermission(Permission.RequestsWork)
  @ApiOperation({ summary: 'Give the request back to the queue' })
  release(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<DisconnectRequestView> {
    return this.requests.release(id, user);
  }

  @Post(':id/postpone')
  @HttpCode(200)
  @RequirePermission(Permission.RequestsWork)
  @ApiOperation({ summary: 'Schedule a call-back; it comes back to the same operator' })
  postpone(@Id() id: string, @Body() dto: PostponeDisconnectRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<DisconnectRequestView> {
    return this.requests.postpone(id, dto, user);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @RequirePermission(Permission.RequestsWork)
  @ApiOperation({ summary: 'Record the outcome with the true reason (and competitor, offer, date)' })
  resolve(@Id() id: string, @Body() dto: ResolveDisconnectRequestDto, @CurrentUser() user: AuthenticatedUser): Promise<DisconnectRequestView> {
    return this.requests.resolve(id, dto, user);
  }

  @Get(':id/offers')
  @RequirePermission(Permission.RequestsRead)
  @ApiOperation({ summary: 'Offers that fit this reason and this subscriber, best first' })
  offers(@Id() id: string, @Query() q: OffersQueryDto): Promise<OfferProposal[]> {
    return this.requests.offers(id, q.reasonCode, q.lang ?? 'en');
  }

  @Get(':id/presentation')
  @RequirePermission(Permission.RequestsRead)
  @ApiOperation({ summary: "Our tariffs beside the competitor's in the subscriber's region" })
  presentation(@Id() id: string, @Query() q: PresentationQueryDto): Promise<PresentationView> {
    return this.requests.presentation(id, q.competitorId);
  }

  @Post(':id/approvals')
  @RequirePermission(Permission.RequestsWork)
  @ApiOperation({ summary: "Ask a manager to approve an offer above the operator's limit (asking again, or at once, returns the one open approval)" })
  requestApproval(@Id() id: string, @Body() dto: RequestApprovalDto, @CurrentUser() user: AuthenticatedUser): Promise<ApprovalView> {
    return this.requests.requestApproval(id, dto.offerCode, dto.note, user);
  }
}

@ApiTags('disconnect requests')
@Controller('disconnect-requests')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get(':id/draft')
  @RequirePermission(Permission.RequestsWork)
  @ApiOperation({ summary: "The caller's own unsent work on the request (draft null when there is none)" })
  @ApiResponse({ status: 200, description: "The caller's draft, or draft null" })
  get(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<RequestDraftView> {
    return this.drafts.get(id, user);
  }

  @Put(':id/draft')
  @RequirePermission(Permission.RequestsWork)
  @ApiOperation({ summary: 'Keep the unsent work on a request the caller has claimed (409 not_claimed otherwise)' })
  @ApiResponse({ status: 200, description: 'The draft as kept' })
  @ApiResponse({ status: 409, description: 'The request is not in the caller\'s hands (not_claimed)' })
  save(@Id() id: string, @Body() dto: DeskDraftDto, @CurrentUser() user: AuthenticatedUser): Promise<RequestDraftView> {
    return this.drafts.save(id, dto, user);
  }

  @Delete(':id/draft')
  @HttpCode(204)
  @RequirePermission(Permission.RequestsWork)
  @ApiOperation({ summary: "Discard the caller's draft of the request" })
  @ApiResponse({ status: 204, description: 'Discarded (or there was none)' })
  async discard(@Id() id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.drafts.discard(id, user);
  }
}

@ApiTags('disconnect requests')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  @RequirePermission(Permission.OffersApprove)
  @ApiOperation({ summary: 'Offer approvals (pending first for the manager)' })
  list(@Query() q: ListApprovalsQueryDto): Promise<ApprovalView[]> {
    return this.requests.approvals(q.status);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @RequirePermission(Permission.OffersApprove)
  @ApiOperation({ summary: 'Approve or reject an offer' })
  decide(@Id() id: string, @Body() dto: DecideApprovalDto, @CurrentUser() user: AuthenticatedUser): Promise<ApprovalView> {
    return this.requests.decide(id, dto.decision, dto.note, user);
  }
}
