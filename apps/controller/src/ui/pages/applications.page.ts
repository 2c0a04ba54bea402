import { AppSummary } from '../../projections/app-summary';
import { SafeHtml } from '../html';
import { page } from '../layout';
import { appsTable } from '../tables';

export const applicationsPage = (apps: readonly AppSummary[]): SafeHtml =>
  page('Applications', appsTable(apps));
