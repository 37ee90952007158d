export * from './registry';
export * from './access';
export * from './documents';
export * from './audit';
export * from './settings';
export * from './results';
