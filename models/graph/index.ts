export * from './elements';
export * from './frame';
export * from './series';
export * from './coalitions';
