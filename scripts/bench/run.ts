/**
 * Child-process helpers for the bench: run a command, time it from spawn to exit, and sample the
 * memory of its whole process tree while it runs.
 */
import { spawn } from 'node:child_process';
import { sampleTreeMemory } from './process-tree.js';

/** How one timed run of a command went. */
export interface Timed {
  ms: number;
  peakBytes: number;
}

/** Run `args` with node in `cwd`; rejects with its stderr when it fails. */
export function timeNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    const memory = sampleTreeMemory(child.pid!);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      const peakBytes = memory.stop();
      if (code === 0) resolve({ ms, peakBytes });
      else reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

/** The median of some samples. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds as seconds with one decimal. */
export const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** Bytes as MiB. */
export const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
