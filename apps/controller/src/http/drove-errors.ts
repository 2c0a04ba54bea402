import { HttpStatus } from '@nestjs/common';

/** A request rejected before any command ran; rendered as Drove's 400 with `validationErrors`. */
export class CommandValidationError extends Error {
  constructor(readonly validationErrors: string[]) {
    super('Command validation failure');
  }
}

/** Raised on a follower: Drove clients find the leader by pinging every controller and taking the 200. */
export class NotLeaderError extends Error {
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(readonly leaderBaseUrl: string | null) {
    super('This node is not the leader controller');
  }
}
