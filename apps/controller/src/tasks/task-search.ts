/** Drove's `@Pattern` on both form fields; with `@NotEmpty`, so an empty field fails too. */
const SEARCH_FIELD = /^[a-zA-Z\d\-_]+$/;

export interface TaskSearch {
  sourceAppName: string;
  taskId: string;
}

/**
 * The UI's task search form (`taskSearchAppName`, `taskSearchTaskID`, form-urlencoded, parsed by Fastify) to
 * what it names, or the validation errors Drove would give. A field sent twice is refused, not guessed at.
 */
export function parseTaskSearch(body: unknown): TaskSearch | { errors: string[] } {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors: string[] = [];
  const field = (name: string): string => {
    const value = form[name];
    if (typeof value !== 'string' || value === '') errors.push(`${name} must not be empty`);
    else if (!SEARCH_FIELD.test(value)) errors.push(`${name} must match "[a-zA-Z\\d\\-_]*"`);
    return typeof value === 'string' ? value : '';
  };
  const search = { sourceAppName: field('taskSearchAppName'), taskId: field('taskSearchTaskID') };
  return errors.length > 0 ? { errors } : search;
}
