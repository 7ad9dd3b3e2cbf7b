/**
 * Every measure of issue 21 in one run, one benchmark after another (each starts and stops
 * its own parts, so they never load the machine together):
 *   pnpm bench
 * Prints each benchmark's own table as it goes, then a summary against the goals and, last,
 * one JSON line with every figure, for a script to compare runs (docs/performance.md).
 * Options (environment) are passed through to the benchmarks (RATE, SECONDS, ROUNDS, ...).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

const STEPS: Step[] = [
  { name: 'registration pipeline', command: ['pnpm', 'bench:pipeline'] },
  { name: 'prepaid debits', command: ['pnpm', '--filter', '@reglament/contracts', 'bench:debits'] },
  {
    name: 'wallboard list and ticket card',
    command: ['pnpm', '--filter', '@reglament/gateway', 'bench:hive'],
    // Against Hive too when it is installed (gateway/bench/hive-gateway); ours alone otherwise.
    env: existsSync(join(ROOT, 'gateway/bench/hive-gateway/node_modules/.bin/hive-gateway')) ? {} : { ONLY_OURS: '1' },
  },
  { name: '5,000 subscribers', command: ['pnpm', '--filter', '@reglament/gateway', 'bench:subscriptions'] },
];

/** Goals of issue 21 on this 2-core machine: [figure, goal, higher is better]. */
const GOALS: [string, number, boolean][] = [
  ['registerPerSec', 500, true],
  ['registerP99Ms', 150, false],
  ['pipelineP99Ms', 500, false],
  ['acknowledgePerSec', 800, true],
  ['wallboardRps', 400, true],
  ['cardRps', 800, true],
  ['subsP99Ms', 250, false],
  ['debitsPerSec', 1000, true],
];

function run(step: Step): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    process.stderr.write(`\n== ${step.name}: ${step.command.join(' ')}\n`);
    const child = spawn(step.command[0]!, step.command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, ...step.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${step.name} exited with ${code}`));
      const json = output
        .trim()
        .split('\n')
        .reverse()
        .find((line) => line.startsWith('{'));
      resolve(json ? (JSON.parse(json) as Record<string, number>) : {});
    });
  });
}

async function main(): Promise<void> {
  const figures: Record<string, number> = {};
  for (const step of STEPS) Object.assign(figures, await run(step));
  const rows = [['figure', 'measured', 'goal', 'met']];
  for (const [name, goal, higher] of GOALS) {
    const value = figures[name];
    const met = value === undefined ? '?' : higher ? value >= goal : value <= goal;
    rows.push([name, String(value ?? '-'), `${higher ? '>=' : '<='} ${goal}`, String(met)]);
  }
  process.stdout.write(`\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\n${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
