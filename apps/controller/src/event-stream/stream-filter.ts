import { DROVE_EVENT_TYPES, DroveEvent, DroveEventType } from '@drove/domain';

export type StreamFilter = (event: DroveEvent) => boolean;

const KNOWN_TYPES: ReadonlySet<string> = new Set(DROVE_EVENT_TYPES);

const listOf = (raw: string | string[] | undefined): string[] =>
  ([] as string[])
    .concat(raw ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');

/**
 * `types=` (Drove event types, comma separated or repeated) and `app=` (app ids or names: an event matches when its
 * APP_ID or APP_NAME is one of them, so a task's events match its app's name). Both given: both must match.
 * Returns the problems instead when a type is unknown.
 */
export function parseStreamFilter(
  types: string | string[] | undefined,
  apps: string | string[] | undefined,
): StreamFilter | { errors: string[] } {
  const wantedTypes = listOf(types);
  const unknown = wantedTypes.filter((type) => !KNOWN_TYPES.has(type));
  if (unknown.length > 0) {
    return {
      errors: [
        `types has unknown event types: ${unknown.join(', ')}; known: ${DROVE_EVENT_TYPES.join(', ')}`,
      ],
    };
  }
  const typeSet = new Set(wantedTypes as DroveEventType[]);
  const appSet = new Set(listOf(apps));
  return (event) =>
    (typeSet.size === 0 || typeSet.has(event.type)) &&
    (appSet.size === 0 ||
      appSet.has(String(event.metadata.APP_ID ?? '')) ||
      appSet.has(String(event.metadata.APP_NAME ?? '')));
}
