import { INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { BASIC_AUTH, buildDocument, CLUSTER_AUTH, INSTANCE_AUTH } from '@drove/openapi';
import { PortMappingDto } from './schemas/instance-info.dto';

const DESCRIPTION = [
  "Drove's controller API v1 (wire-compatible with PhonePe's Drove) and the Drove-TS v2 additions (audit, history).",
  "Answers come in Drove's envelope `{status, data, message}`: clients read `status`, not the HTTP code (a lookup",
  'that finds nothing is 200 with `status: FAILED`). Only the leader answers; a follower says 400',
  '`This node is not the leader controller`. Users authenticate with HTTP basic auth when the controller has',
  'userAuth enabled (401 plain text, 403 empty body otherwise); executors with `Cluster-Authorization`, app',
  'instances with `App-Instance-Authorization`.',
].join(' ');

/** The controller's OpenAPI document (see libs/openapi for how it is made). */
export const buildOpenApiDocument = (app: INestApplication): OpenAPIObject =>
  buildDocument(app, {
    title: 'Drove-TS controller',
    description: DESCRIPTION,
    defaultSecurity: BASIC_AUTH,
    schemes: [BASIC_AUTH, CLUSTER_AUTH, INSTANCE_AUTH],
    extraModels: [PortMappingDto],
  });
