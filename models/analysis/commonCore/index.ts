export * from './commonCore';
export * from './sensitivity';
export * from './statusQuo';
