import { localeStore } from '../i18n/locale-store';
import { makeTranslator } from '../i18n/translator';
import { ApiError, type ApiErrorDetail } from './api-error';

export { ApiError, isApiError } from './api-error';

const BASE = '/api/v1';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The CSRF token comes with login and /auth/me. It is also in the readable `qd_csrf` cookie,
 * which covers a reload before /auth/me has answered.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The readable CSRF cookie; behind TLS it carries the __Host- prefix like the session cookie. */
function csrfCookie(): string | null {
  const match = /(?:^|;\s*)(?:__Host-)?qd_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function currentCsrfToken(): string | null {
  return csrfToken ?? csrfCookie();
}

/**
 * Whether the browser may hold a session. The session cookie is HttpOnly, but it is always set
 * and cleared together with the readable CSRF cookie: without that cookie there is no session to
 * ask about, and a public visitor's page does not log a 401 for /auth/me.
 */
export function mayHaveSession(): boolean {
  return csrfCookie() !== null;
}

/** Set by the auth provider so that an expired session lands on the login page via the router. */
let unauthorizedHandler: (() => void) | null = null;

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function handleUnauthorized(): void {
  if (unauthorizedHandler) unauthorizedHandler();
  else if (window.location.pathname !== '/login') window.location.assign('/login');
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Off for the calls whose 401 is an answer rather than an expired session: logging in with a
   * wrong password, and asking /auth/me whether anyone is logged in.
   */
  redirectOn401?: boolean;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const locale = localeStore.get();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body; // the browser sets the multipart boundary itself
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (STATE_CHANGING.has(method)) {
    const token = currentCsrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', makeTranslator(locale)('error.network'));
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.redirectOn401 !== false) handleUnauthorized();
    throw error;
  }
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  const fallback = makeTranslator(localeStore.get())('error.http', { status: response.status });
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    return new ApiError(response.status, 'http_error', fallback);
  }
  const error = (parsed as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== 'object') return new ApiError(response.status, 'http_error', fallback);
  const details = Array.isArray(error.details) ? (error.details as ApiErrorDetail[]) : [];
  return new ApiError(
    response.status,
    typeof error.code === 'string' ? error.code : 'http_error',
    typeof error.message === 'string' ? error.message : fallback,
    details,
    error,
  );
}

async function json<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Reads the file name the server proposed, falling back to ours. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => json<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => json<T>('DELETE', path, options),

  /** Sends one file as the multipart field `file`. */
  upload<T>(path: string, file: File): Promise<T> {
    const form = new FormData();
    form.append('file', file);
    return json<T>('POST', path, { body: form });
  },

  /** Fetches a file (an export) and hands it to the browser as a download. */
  async download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
    const response = await send('GET', path, { query });
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(response, fallbackName);
    document.body.append(link);
    link.click();
    link.remove();
    // Give the browser time to start the download before the blob is released.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
