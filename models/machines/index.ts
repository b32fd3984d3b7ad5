export * from './actorMachine';
export * from './roundMachine';
export * from './roundLogic';
export * from './run';
export * from './session';
export * from './bots';
export * from './view';
export * from './history';
export { december2025Run } from './examples/december2025';
