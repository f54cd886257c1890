// Requests to a running citizen API over real HTTP, keeping the raw body for byte-level checks.
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  requestId: string;
  json<T = Record<string, unknown>>(): T;
}

export interface ReadOptions {
  key?: string;
  purpose?: string;
  purposeHeader?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Every 200 answered to a citizen read in this test file, with the audit entries it must have caused. */
export const auditedAnswers: Array<{ requestId: string; entries: number }> = [];

function expectedEntries(path: string, status: number, text: string): number {
  if (status !== 200 || !path.startsWith('/v1/citizens')) return 0;
  if (path.startsWith('/v1/citizens:batchGet')) return (JSON.parse(text) as { records: unknown[] }).records.length;
  return 1;
}

export async function call(baseUrl: string, method: 'GET' | 'POST', path: string, options: ReadOptions = {}): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  if (options.purpose !== undefined) url.searchParams.set('purpose', options.purpose);
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  if (options.purposeHeader !== undefined) headers['x-purpose'] = options.purposeHeader;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  const entries = expectedEntries(path, response.status, text);
  if (entries > 0) auditedAnswers.push({ requestId: response.headers.get('x-request-id') ?? '', entries });
  return {
    status: response.status,
    headers: response.headers,
    text,
    requestId: response.headers.get('x-request-id') ?? '',
    json: <T>() => JSON.parse(text) as T,
  };
}
