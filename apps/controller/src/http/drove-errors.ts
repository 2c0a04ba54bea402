import { HttpStatus } from '@nestjs/common';

/**
 * A request rejected before anything was stored; rendered as Drove's 400 with `validationErrors`. The message is
 * `JSON validation failure` for bodies Drove's Jackson could not map, else `Command validation failure`.
 */
export class CommandValidationError extends Error {
  constructor(
    readonly validationErrors: string[],
    message = 'Command validation failure',
  ) {
    super(message);
  }
}

/**
 * Raised on a follower: Drove clients find the leader by pinging every controller and taking the 200.
 * `redirectTo`: for a UI page, the same page on the leader (null for API routes, or while no one leads).
 */
export class NotLeaderError extends Error {
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(readonly redirectTo: string | null) {
    super('This node is not the leader controller');
  }
}
