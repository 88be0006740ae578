export * from './en';
export * from './languages';
export * from './i18n.service';
export * from './t.pipe';
export * from './format.pipes';
export * from './title-strategy';
export * from './enum-keys';
export * from './local-name.pipe';
