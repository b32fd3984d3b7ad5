export * from './commonCore';
export * from './sensitivity';
