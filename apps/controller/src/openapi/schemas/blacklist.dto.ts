import { BlacklistOperationResponse } from '../../blacklisting/blacklist-operation-response';

/** Drove's BlacklistOperationResponse. */
export class BlacklistOperationResponseDto implements BlacklistOperationResponse {
  successful!: string[];
  failed!: string[];
  approxCompletionTimeMs!: number;
  message!: string;
}
