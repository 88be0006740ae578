import { Module } from '@nestjs/common';
import { BaseFlowsService } from './base-flows.service';

/** Churn data: the churn facts, the report roll-ups and the base's flows read from them. */
@Module({ providers: [BaseFlowsService], exports: [BaseFlowsService] })
export class ChurnDataModule {}
