// Host paths in specs are resolved by the executor's docker daemon, so a whitelist check on the raw text would let
// `/allowed/../etc` through (Drove compares raw prefixes). Here both sides are normalised first and a directory
// only covers itself and what is below it (`/tmp` does not cover `/tmpfoo`). Symlinks on the executor are out of
// the controller's sight; the whitelist names directories an operator controls.

/** The absolute path with `.`, `..` and repeated slashes resolved; null for a relative path. */
export const normaliseHostPath = (path: string): string | null => {
  if (!path.startsWith('/')) return null;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
};

export const isUnderAllowedDir = (path: string, allowedDirs: readonly string[]): boolean => {
  const target = normaliseHostPath(path);
  if (target === null) return false;
  return allowedDirs.some((dir) => {
    const base = normaliseHostPath(dir);
    return base !== null && (base === '/' || target === base || target.startsWith(`${base}/`));
  });
};
