export * from './types';
export * from './space';
export * from './polytope';
export * from './utility';
export * from './moves';
export * from './variants';
export * from './names';
