export * from './game';
export * from './shapley';
export * from './core';
export * from './nucleolus';
export * from './outcomeModel';
export * from './characteristic';
export * from './coopReport';
