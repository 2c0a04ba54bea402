/** No scheme accepted the request's credentials: 401, with the challenge of the last scheme when it has one. */
export class AuthenticationRequiredError extends Error {
  constructor(readonly challenge: string | undefined) {
    super('Credentials are required to access this resource.');
  }
}

/** Authenticated, but the route's class is not open to the principal's role: 403 without a body (Drove). */
export class AccessDeniedError extends Error {
  constructor() {
    super('Forbidden');
  }
}
