import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequirePermission } from '@retention/api-core';
import { Permission, ReasonModelView } from '@retention/contracts';
import { ActivateReasonModelDto } from './classifier.dto';
import { ReasonLearningService } from './reason-learning.service';

@ApiTags('classifier')
@Controller('reason-models')
export class ReasonModelsController {
  constructor(private readonly learning: ReasonLearningService) {}

  @Get()
  @RequirePermission(Permission.ClassifierManage)
  @ApiOperation({ summary: 'Versions of the reason model learnt from resolutions, newest first, with their accuracy' })
  @ApiOkResponse({ description: 'Each version with its accuracy on the held-back resolutions and on the evaluation set' })
  list(): Promise<ReasonModelView[]> {
    return this.learning.list();
  }

  @Post('retrain')
  @HttpCode(202)
  @RequirePermission(Permission.ClassifierManage)
  @ApiOperation({
    summary: 'Train a new version in the background',
    description: 'Queues a training job; while one is queued or running, that one is returned instead of a second.',
  })
  @ApiAcceptedResponse({ description: 'The queued (or already pending) version' })
  retrain(@CurrentUser() user: AuthenticatedUser): Promise<ReasonModelView> {
    return this.learning.request('manual', user.id);
  }

  @Put('active')
  @RequirePermission(Permission.ClassifierManage)
  @ApiOperation({
    summary: 'Switch suggestions to a trained version, or back to the synonym table alone (version null)',
    description: 'Only a trained version that, blended with the synonym table, beats the table alone on the held-back resolutions.',
  })
  @ApiOkResponse({ description: 'The versions after the switch' })
  @ApiConflictResponse({ description: 'The version is not trained, or does not beat the synonym table' })
  activate(@Body() dto: ActivateReasonModelDto, @CurrentUser() user: AuthenticatedUser): Promise<ReasonModelView[]> {
    return this.learning.activate(dto.version, user.id);
  }
}
