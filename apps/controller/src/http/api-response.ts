/**
 * Drove's response envelope. Drove clients read `status`, not the HTTP code: many failures are HTTP 200 with
 * `status: FAILED`. `data` is omitted rather than sent as null, as Drove's NON_NULL serialisation does.
 */
export interface ApiResponse<T = unknown> {
  status: 'SUCCESS' | 'FAILED';
  data?: T;
  message: string;
}

export function success<T>(data: T): ApiResponse<T> {
  return data === null || data === undefined
    ? { status: 'SUCCESS', message: 'success' }
    : { status: 'SUCCESS', data, message: 'success' };
}

export function failure<T>(message: string, data?: T): ApiResponse<T> {
  return data === null || data === undefined
    ? { status: 'FAILED', message }
    : { status: 'FAILED', data, message };
}
