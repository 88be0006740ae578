export * from './lib/requests.module';
export * from './lib/requests.service';
export { OffersQueryDto, PresentationQueryDto, RequestApprovalDto } from './lib/requests.dto';
