export * from './lib/requests.module';
export * from './lib/requests.service';
export { OffersQueryDto, PresentationQueryDto } from './lib/requests.dto';
