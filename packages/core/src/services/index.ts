export * from './permissions.js';
export * from './attributes.js';
export * from './lifecycle.js';
export * from './time-limits.js';
export * from './request-number.js';
export * from './contracts.js';
export * from './dispatch-ranking.js';
