import { INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { buildDocument, CLUSTER_AUTH, serveDocument } from '@drove/openapi';

const DESCRIPTION = [
  "The executor's API, as Drove's controller calls it: commands (`POST /apis/v1/messages`) and the log-file stream",
  'the controller proxies. Every route needs `Cluster-Authorization` with one of the cluster secrets; answers are',
  "bare (no Drove envelope). Not for users: they go through the controller's `/apis/v1/logfiles`.",
].join(' ');

export const buildExecutorDocument = (app: INestApplication): OpenAPIObject =>
  buildDocument(app, {
    title: 'Drove-TS executor',
    description: DESCRIPTION,
    defaultSecurity: CLUSTER_AUTH,
    schemes: [CLUSTER_AUTH],
    extraModels: [],
  });

/** `/apis/openapi.json` and `/apis/docs` on the executor, without credentials. */
export const serveExecutorOpenApi = (app: INestApplication): void =>
  serveDocument(app, () => buildExecutorDocument(app), 'Drove-TS executor API');
