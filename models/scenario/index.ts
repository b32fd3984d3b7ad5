export * from './problems';
export * from './parse';
export * from './limits';
export * from './migrations';
export { BUILTINS, DEFAULT_BUILTIN, builtinDoc } from './builtins/index';
export * from './problemWords';
