// Sends a re-drive request to an adapter and says what became of it: accepted (202), refused with the
// adapter's reason (its problem+json), or the adapter could not take it (down, timed out, 5xx).
import type { RedriveRequest } from './redrive-plan.ts';

export type SendOutcome = { outcome: 'accepted' } | { outcome: 'rejected'; reason: string } | { outcome: 'unavailable'; reason: string };

interface ProblemLike {
  title?: unknown;
  detail?: unknown;
  errors?: Array<{ pointer?: unknown; message?: unknown }>;
}

export function describeProblem(status: number, text: string): string {
  let problem: ProblemLike | undefined;
  try {
    problem = JSON.parse(text) as ProblemLike;
  } catch {
    return `${status}: ${text.slice(0, 200)}`;
  }
  const head = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : 'no detail';
  const fields = Array.isArray(problem.errors) ? problem.errors.map((error) => `${String(error.pointer ?? '') || '(body)'} ${String(error.message ?? '')}`) : [];
  return `${status} ${head}${fields.length > 0 ? ` [${fields.join('; ')}]` : ''}`;
}

export async function sendToAdapter(baseUrl: string, key: string, request: RedriveRequest, timeoutMs: number, userAgent = 'lgsp-cli (dlq redrive)'): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': request.contentType, authorization: `Bearer ${key}`, 'user-agent': userAgent },
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { outcome: 'unavailable', reason: `adapter-${request.registry} at ${baseUrl} cannot be reached (${cause ?? (error as Error).message})` };
  }
  const text = await response.text();
  if (response.status === 202) return { outcome: 'accepted' };
  const reason = `adapter-${request.registry} answered ${describeProblem(response.status, text)}`;
  return response.status >= 500 || response.status === 429 ? { outcome: 'unavailable', reason } : { outcome: 'rejected', reason };
}
