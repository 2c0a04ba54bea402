import { JSON_FAILURE_MESSAGE, ParseFailureKind } from '@drove/domain';
import { CommandValidationError } from '../http/drove-errors';

/** An operation body that did not parse, as Drove reports it: a JSON failure or a command validation failure. */
export const parseFailure = (failed: { kind: ParseFailureKind; errors: string[] }): CommandValidationError =>
  failed.kind === 'JSON'
    ? new CommandValidationError(failed.errors, JSON_FAILURE_MESSAGE)
    : new CommandValidationError(failed.errors);
