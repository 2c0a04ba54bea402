import { readFileSync } from 'node:fs';

/** The hard "Max open files" limit in the text of a /proc/<pid>/limits file; null when unlimited or absent. */
export function parseHardOpenFilesLimit(limits: string): number | null {
  const match = /^Max open files\s+\S+\s+(\S+)/m.exec(limits);
  if (!match || match[1] === 'unlimited') return null;
  return Number(match[1]);
}

/**
 * dockerd cannot give a container more open files than its own hard limit, and on one host it runs with the same
 * limits as the executor unless a service manager raised them. Drove's default (470000) is above what a plain
 * shell gets, so every container start would fail there; the executor asks for no more than its own hard limit.
 */
export function effectiveMaxOpenFiles(wanted: number, hardLimit: number | null): number {
  return hardLimit === null ? wanted : Math.min(wanted, hardLimit);
}

export function ownHardOpenFilesLimit(): number | null {
  try {
    return parseHardOpenFilesLimit(readFileSync('/proc/self/limits', 'utf8'));
  } catch {
    return null;
  }
}
