export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** A failed request as the server explained it (`{error:{code,message,details}}`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    /** The whole `error` object, for endpoints that add their own fields (import's `rows`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
