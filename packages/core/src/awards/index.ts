export * from './permissions.js';
export * from './criteria.js';
export * from './scoring.js';
export * from './eligibility.js';
export * from './lifecycle.js';
export * from './contracts.js';
export * from './assignment.js';
export * from './messages.js';
