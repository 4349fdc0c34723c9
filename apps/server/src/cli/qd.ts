/**
 * `npm run qd -- <command>`: the operator's command line (ARCHITECTURE §2). See `qd --help`.
 */
import { runQd } from './program.js';

process.exit(await runQd(process.argv));
