/** `data` of a FAILED answer: Drove's validation errors (400), or the cause of a 500. */
export class FailureDataDto {
  /** Why the request was refused: Drove's Bean Validation texts, or the JSON parser's message. */
  validationErrors?: string[];
  /** The unexpected error's message (500 `Unexpected Server error`). */
  failure?: string;
}

/** Drove's envelope of a refusal (400) or an unexpected error (500). */
export class FailedResponseDto {
  status!: 'FAILED';
  data?: FailureDataDto;
  message!: string;
}
