export * from './commonCore';
