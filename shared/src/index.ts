export * from './org/roles';
export * from './org/navigation';
export * from './errors/codes';
export * from './i18n/index';
