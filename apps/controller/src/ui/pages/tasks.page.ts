import { TaskInfoJson } from '@drove/domain';
import { SafeHtml } from '../html';
import { page } from '../layout';
import { tasksTable } from '../tables';

/** `/tasks`: every task the view still holds (finished ones until retention prunes them), newest first. */
export const tasksPage = (tasks: readonly TaskInfoJson[]): SafeHtml =>
  page('Tasks', tasksTable([...tasks].sort((a, b) => b.created - a.created)));
