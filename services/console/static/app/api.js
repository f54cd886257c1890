// The console's JSON endpoints, from the browser: same-origin, the session cookie sent by the browser, the
// console's header on every state-changing request. A 401 means the session ended: back to the login page.
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `The console answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function call(method, path, body) {
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-lgsp-console'] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { detail: 'The console cannot be reached.' });
  }
  if (response.status === 401) {
    window.location.assign('/login');
    throw new ApiError(401, { detail: 'The session has ended.' });
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const api = {
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body),
  delete: (path) => call('DELETE', path),
};
