export * from './weightedPosition';
