// Record views are read from the citizen API as the logged-in operator, for the purpose operator-console:
// the citizen API cuts the record, writes the audit entry and waits for Kafka to acknowledge it before it
// answers, exactly as for any portal. The console passes the request id on, so the audit entry names the
// console request that caused it. What the citizen API answers goes back as it is, except its own
// authentication failures, which say nothing about the console's session and become a 502.
import { ConsoleErrors } from '../errors.ts';

export const OPERATOR_PURPOSE = 'operator-console';

export interface CitizenAnswer {
  status: number;
  /** The citizen API's body, JSON or problem+json, passed through byte for byte. */
  body: string;
  contentType: string;
  retryAfter?: string;
}

export interface CitizenReadRequest {
  /** `/<personalId>` or `/<personalId>/history`, the ID already checked. */
  path: string;
  query?: Record<string, string | number | undefined>;
  operatorKey: string;
  requestId: string;
}

export interface CitizenClient {
  read(request: CitizenReadRequest): Promise<CitizenAnswer>;
}

const PASSED_THROUGH = new Set([200, 400, 403, 404, 429, 503]);

export function createCitizenClient({ baseUrl, timeoutMs }: { baseUrl: string; timeoutMs: number }): CitizenClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async read({ path, query = {}, operatorKey, requestId }) {
      const url = new URL(`${base}/v1/citizens${path}`);
      url.searchParams.set('purpose', OPERATOR_PURPOSE);
      for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { authorization: `Bearer ${operatorKey}`, accept: 'application/json', 'x-request-id': requestId, 'user-agent': 'lgsp-console' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        throw ConsoleErrors.CitizenApiUnavailable({ detail: `The citizen API at ${base} did not answer (${cause})`, cause: error });
      }
      const body = await response.text();
      const contentType = response.headers.get('content-type') ?? 'application/json';
      if (PASSED_THROUGH.has(response.status)) {
        const retryAfter = response.headers.get('retry-after') ?? undefined;
        return { status: response.status, body, contentType, ...(retryAfter !== undefined ? { retryAfter } : {}) };
      }
      if (response.status === 401) {
        throw ConsoleErrors.CitizenApiRefused({ detail: 'The citizen API does not know the operator key: the two services must read the same access policy' });
      }
      throw ConsoleErrors.CitizenApiRefused({ detail: `The citizen API answered ${response.status}` });
    },
  };
}
