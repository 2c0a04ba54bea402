import { SetMetadata } from '@nestjs/common';

/** Drove serves its views under `/apis/ui` and the same pages to browsers without that prefix. */
export const UI_PREFIX = '/apis/ui';

export const UI_PAGE_KEY = 'drove:ui-page';

/**
 * Marks a controller's routes as browser pages: on a follower they are 303-redirected to the same page on the
 * leader (Drove's behaviour for `/ui/` paths) instead of failing with the API's 400.
 */
export const UiPages = () => SetMetadata(UI_PAGE_KEY, true);

/** `/apis/ui/x?q` -> `/x?q`, `/apis/ui` -> `/`; a browser path stays as it is. */
export function browserPathOf(url: string): string {
  if (url !== UI_PREFIX && !url.startsWith(`${UI_PREFIX}/`) && !url.startsWith(`${UI_PREFIX}?`)) return url;
  const rest = url.slice(UI_PREFIX.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** Both forms of each page's route, as Nest's `@Get` takes a list of paths. */
export const uiRoutes = (path: string): string[] =>
  path === '' ? ['/', UI_PREFIX] : [`/${path}`, `${UI_PREFIX}/${path}`];
