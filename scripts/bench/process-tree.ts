/**
 * Peak memory of a process and everything it started (node plus Chromium's browser, GPU, utility
 * and renderer processes): the proportional set size (PSS) of each, from /proc/<pid>/smaps_rollup,
 * summed and sampled. PSS splits shared pages between the processes that map them, so the sum is what
 * the tree really costs the machine; RSS would count Chromium's shared libraries once per process.
 */
import { readFileSync, readdirSync } from 'node:fs';

const SAMPLE_MS = 200;

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: the fields after the last ')' are fixed.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Every live process under `root`, `root` included. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Kilobytes of PSS of one process (0 once it has gone). */
function pssKb(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Start sampling the tree under `root`; `stop()` returns the peak summed PSS in bytes. */
export function sampleTreeMemory(root: number): { stop(): number } {
  let peak = 0;
  const sample = () => {
    const total = processTree(root).reduce((n, pid) => n + pssKb(pid), 0) * 1024;
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
