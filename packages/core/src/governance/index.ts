export * from './permissions.js';
export * from './task-lifecycle.js';
export * from './meeting-lifecycle.js';
export * from './task-deadline.js';
export * from './assessment-scoring.js';
export * from './assessment-lifecycle.js';
export * from './budget.js';
export * from './contracts.js';
