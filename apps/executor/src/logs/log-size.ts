// Docker-style sizes as in Drove's LoggingSpec.maxSize ("10m", "512k", "1g"; binary units, bare bytes allowed).
const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

export function parseLogSize(size: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(size);
  const factor = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || factor === undefined) throw new Error(`invalid log size: ${size}`);
  const bytes = Math.floor(Number(match[1]) * factor);
  if (bytes <= 0) throw new Error(`invalid log size: ${size}`);
  return bytes;
}
