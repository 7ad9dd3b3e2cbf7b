/** `pnpm --filter @reglament/wallboard build` / `pnpm build:pages`: build the pages if their sources changed. */
import { ensurePagesBuilt } from './index';

ensurePagesBuilt((message) => process.stdout.write(`${message}\n`));
