import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiQuery,
  ApiUnauthorizedResponse,
  getSchemaPath,
  SchemaObject,
} from '@nestjs/swagger';
import { FailedResponseDto } from './schemas/failure.dto';

/**
 * What an endpoint puts in the envelope's `data`: a schema class, a list of one (`[Cls]`), a map of one
 * (`{ mapOf: Cls }`), a plain string, or nothing at all (`null`: Drove omits `data` on success).
 */
export type EnvelopeData = Type | [Type] | { mapOf: Type } | 'string' | null;

const refTo = (model: Type): SchemaObject => ({ $ref: getSchemaPath(model) }) as SchemaObject;

function dataSchema(data: Exclude<EnvelopeData, null>): SchemaObject {
  if (data === 'string') return { type: 'string' };
  if (Array.isArray(data)) return { type: 'array', items: refTo(data[0]) };
  if ('mapOf' in data) return { type: 'object', additionalProperties: refTo(data.mapOf) };
  return refTo(data);
}

const modelsOf = (data: EnvelopeData): Type[] => {
  if (data === null || data === 'string') return [];
  if (Array.isArray(data)) return [data[0]];
  return 'mapOf' in data ? [data.mapOf] : [data];
};

/** Drove's `{status, data, message}`; `data` is absent when there is nothing to say (NON_NULL serialisation). */
function envelopeSchema(data: EnvelopeData): SchemaObject {
  return {
    type: 'object',
    description: 'Drove envelope; read `status`, not the HTTP code',
    required: ['status', 'message'],
    properties: {
      status: { type: 'string', enum: ['SUCCESS', 'FAILED'] },
      ...(data === null ? {} : { data: dataSchema(data) }),
      message: { type: 'string' },
    },
  };
}

/**
 * Documents a route answering in Drove's envelope: 200 with `data` as given (a lookup that finds nothing is also
 * 200, with `status: FAILED` and no `data`), and Drove's 400: a rejected request (`validationErrors`) or a
 * follower's `This node is not the leader controller`.
 */
export const ApiEnvelope = (data: EnvelopeData): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(...modelsOf(data)),
    ApiOkResponse({ schema: envelopeSchema(data) }),
    ApiBadRequestResponse({
      type: FailedResponseDto,
      description: 'Rejected request (`validationErrors`), or not the leader',
    }),
    ApiAuthResponses(),
  );

/** Dropwizard's answers for Drove's auth filters: a plain-text 401 with the challenge, a bare 403. */
export const ApiAuthResponses = () =>
  applyDecorators(
    ApiUnauthorizedResponse({
      description: 'No or wrong credentials (user auth on)',
      content: { 'text/plain': { schema: { type: 'string' } } },
    }),
    ApiForbiddenResponse({ description: "The caller's role may not use this route" }),
  );

/** A query parameter the route reads as text and checks as a non-negative integer (Drove's paging). */
export const ApiIntegerQuery = (name: string, description?: string): MethodDecorator =>
  ApiQuery({ name, required: false, type: 'integer', description });
