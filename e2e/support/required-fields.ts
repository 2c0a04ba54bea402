/**
 * The paths in `paths` that `value` lacks. A path is dot-separated keys; `*` stands for every element of an
 * array or every value of a map, so `data.*.name` asks each listed item for a `name`. A key whose value is null
 * counts as missing: the drove CLI reads it with `[]` and dies on None just as on a missing key.
 */
export function missingFields(value: unknown, paths: readonly string[]): string[] {
  return paths.filter((path) => !present(value, path.split('.')));
}

function present(value: unknown, keys: readonly string[]): boolean {
  if (keys.length === 0) return value !== undefined && value !== null;
  if (value === null || typeof value !== 'object') return false;
  const [key, ...rest] = keys;
  if (key === '*') {
    const items = Object.values(value);
    return items.length > 0 && items.every((item) => present(item, rest));
  }
  return present((value as Record<string, unknown>)[key], rest);
}
