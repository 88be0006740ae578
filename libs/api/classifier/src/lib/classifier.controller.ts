import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@retention/api-core';
import {
  ChurnReasonDetail,
  ChurnReasonView,
  ClassifierVersionView,
  OfferView,
  Permission,
  ReasonSuggestionView,
} from '@retention/contracts';
import { LangQueryDto, ListReasonsQueryDto, SuggestQueryDto, UpdateChurnReasonDto, UpdateOfferDto } from './classifier.dto';
import { ClassifierService } from './classifier.service';
import { ReasonLearningService } from './reason-learning.service';

@ApiTags('classifier')
@Controller()
export class ClassifierController {
  constructor(
    private readonly classifier: ClassifierService,
    private readonly learning: ReasonLearningService,
  ) {}

  @Get('churn-reasons')
  @RequirePermission(Permission.ReferenceRead)
  @ApiOperation({ summary: 'The 33-point classifier (active version, or ?version=N)' })
  list(@Query() q: ListReasonsQueryDto): Promise<ChurnReasonView[]> {
    return this.classifier.list(q.lang ?? 'en', q.version);
  }

  @Get('churn-reasons/suggest')
  @RequirePermission(Permission.ReferenceRead)
  @ApiOperation({
    summary: "Likely reason codes for the subscriber's words, best first",
    description:
      'Each says its source (the synonym table, the learnt model, or both). When no specific reason fits, the only ' +
      'suggestion is the catch-all with `abstained` saying why; a competitor named or implied comes with the competitor reasons.',
  })
  suggest(@Query() q: SuggestQueryDto): Promise<ReasonSuggestionView[]> {
    return this.learning.suggest(q.text, q.lang ?? 'en', q.limit ?? 5);
  }

  @Get('churn-reasons/versions')
  @RequirePermission(Permission.ReferenceRead)
  @ApiOperation({ summary: 'Classifier versions, newest first' })
  versions(): Promise<ClassifierVersionView[]> {
    return this.classifier.versions();
  }

  @Get('churn-reasons/:code')
  @RequirePermission(Permission.ReferenceRead)
  @ApiOperation({ summary: 'One reason with its texts, typical phrases and retention script' })
  detail(@Param('code') code: string, @Query() q: LangQueryDto): Promise<ChurnReasonDetail> {
    return this.classifier.detail(code, q.lang ?? 'en');
  }

  @Put('churn-reasons/:code')
  @RequirePermission(Permission.ClassifierManage)
  @ApiOperation({
    summary: 'Change a reason: creates a new classifier version',
    description:
      'Only the fields sent change. A body that changes nothing (empty, a repeated PUT, or only values the reason already has) ' +
      'creates no version and answers 200 with the reason as it is, so a retried PUT is safe. A note alone is not a change.',
  })
  update(
    @Param('code') code: string,
    @Body() dto: UpdateChurnReasonDto,
    @Query() q: LangQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ChurnReasonDetail> {
    return this.classifier.update(code, dto, user.id, q.lang ?? 'en');
  }

  @Get('offers')
  @RequirePermission(Permission.ReferenceRead)
  @ApiOperation({ summary: 'The offer catalogue' })
  offers(@Query() q: LangQueryDto): Promise<OfferView[]> {
    return this.classifier.offerViews(q.lang ?? 'en');
  }

  @Put('offers/:code')
  @RequirePermission(Permission.ClassifierManage)
  @ApiOperation({ summary: "Change an offer's cost, terms or eligibility" })
  updateOffer(@Param('code') code: string, @Body() dto: UpdateOfferDto, @Query() q: LangQueryDto): Promise<OfferView> {
    return this.classifier.updateOffer(code, dto, q.lang ?? 'en');
  }
}
