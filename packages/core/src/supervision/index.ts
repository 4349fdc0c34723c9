export * from './permissions.js';
export * from './draw.js';
