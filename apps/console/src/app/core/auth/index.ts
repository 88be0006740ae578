export * from './auth.service';
export * from './auth.interceptor';
export * from './auth.guards';
export * from './home';
