// Drove's @Mask: wherever a spec is shown, inline config bytes become empty and HTTP credentials `***`.
// Unlike Drove (which rewrites its cached spec in place, leaking masks into later starts), this returns a copy.

const MASKED_STRING_FIELDS = ['username', 'password', 'authHeader'];

const maskValue = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(maskValue);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    copy[key] = maskValue(v);
  }
  if (record.type === 'INLINE' && typeof record.data === 'string') copy.data = '';
  if (typeof record.hostname === 'string') {
    for (const field of MASKED_STRING_FIELDS) {
      if (typeof record[field] === 'string') copy[field] = '***';
    }
  }
  return copy;
};

export const maskSpec = <T>(wireSpec: T): T => maskValue(wireSpec) as T;
