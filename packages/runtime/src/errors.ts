// Errors are values with a code. Each code has one HTTP status and one problem type, declared here
// or by the package that owns it through defineError; only the error handler turns them into responses.

export interface ProblemField {
  /** JSON Pointer (RFC 6901) into the request, e.g. `/data/areaM2` or `/3/subject` for a batch. */
  pointer: string;
  message: string;
}

export interface HubErrorOptions {
  detail?: string;
  errors?: ProblemField[];
  headers?: Record<string, string>;
  cause?: unknown;
  /** Extra RFC 9457 extension members. */
  extensions?: Record<string, unknown>;
}

export class HubError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly retriable: boolean;
  readonly errors: ProblemField[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(code: string, title: string, status: number, retriable: boolean, options: HubErrorOptions = {}) {
    super(options.detail ?? title, { cause: options.cause });
    this.name = 'HubError';
    this.code = code;
    this.title = title;
    this.status = status;
    this.retriable = retriable;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }

  get type(): string {
    return problemType(this.code);
  }
}

export type ErrorFactory = ((options?: HubErrorOptions) => HubError) & { code: string; status: number };

/** Declares an error code once: `const NotFound = defineError('NOT_FOUND', 'Not found', 404)`. */
export function defineError(code: string, title: string, status: number, { retriable = false } = {}): ErrorFactory {
  const factory = (options?: HubErrorOptions) => new HubError(code, title, status, retriable, options);
  return Object.assign(factory, { code, status });
}

export function problemType(code: string): string {
  return `urn:lgsp:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

export function isHubError(error: unknown): error is HubError {
  return error instanceof HubError;
}

export const Errors = {
  BadRequest: defineError('BAD_REQUEST', 'Bad request', 400),
  MalformedJson: defineError('MALFORMED_JSON', 'Malformed JSON', 400),
  RequestInvalid: defineError('REQUEST_INVALID', 'Request does not match its schema', 400),
  Unauthorized: defineError('UNAUTHORIZED', 'Missing or unknown key', 401),
  Forbidden: defineError('FORBIDDEN', 'Not allowed for this key', 403),
  NotFound: defineError('NOT_FOUND', 'Not found', 404),
  MethodNotAllowed: defineError('METHOD_NOT_ALLOWED', 'Method not allowed', 405),
  RequestTimeout: defineError('REQUEST_TIMEOUT', 'Request timeout', 408),
  PayloadTooLarge: defineError('PAYLOAD_TOO_LARGE', 'Payload too large', 413),
  UnsupportedMediaType: defineError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 415),
  Unprocessable: defineError('UNPROCESSABLE', 'Content is not valid', 422),
  RateLimited: defineError('RATE_LIMITED', 'Too many requests', 429, { retriable: true }),
  HeadersTooLarge: defineError('HEADERS_TOO_LARGE', 'Request header fields too large', 431),
  Internal: defineError('INTERNAL', 'Internal error', 500),
  Unavailable: defineError('UNAVAILABLE', 'Service unavailable', 503, { retriable: true }),
  NotReady: defineError('NOT_READY', 'Not ready', 503, { retriable: true }),
} as const;
