import { LocalServiceSummary } from '../../local-services/local-service-summary';
import { SafeHtml } from '../html';
import { page } from '../layout';
import { servicesTable } from '../tables';

export const localServicesPage = (services: readonly LocalServiceSummary[]): SafeHtml =>
  page('Local services', servicesTable(services));
