import type { ModuleBench } from '../module-bench.js';
import { auditBench } from './audit.js';
import { awardsBench } from './awards.js';
import { governanceBench } from './governance.js';
import { servicesBench } from './services.js';
import { supervisionBench } from './supervision.js';
import { uploadsBench } from './uploads.js';
import { webBench } from './web.js';

/** Every feature module's benchmark, run after the foundation's (BENCH_ONLY=awards,services… picks some). */
export const MODULE_BENCHES: readonly ModuleBench[] = [
  servicesBench,
  supervisionBench,
  awardsBench,
  governanceBench,
  auditBench,
  uploadsBench,
  webBench,
];
