// The login page: sends the key once to POST /v1/session (with the console's header) and goes to the
// console on success. The key stays in this form; nothing is stored in the browser but the HttpOnly
// cookie the console sets.
const form = document.getElementById('login-form');
const input = document.getElementById('key');
const error = document.getElementById('login-error');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const key = input.value.trim();
  if (key === '') {
    error.textContent = 'Enter the operator key.';
    input.focus();
    return;
  }
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const response = await fetch('/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lgsp-console': '1' },
      body: JSON.stringify({ key }),
      credentials: 'same-origin',
    });
    if (response.ok) {
      input.value = '';
      window.location.replace('/');
      return;
    }
    const problem = await response.json().catch(() => ({}));
    error.textContent = problem.detail ?? `Login failed (${response.status}).`;
    input.select();
  } catch {
    error.textContent = 'The console cannot be reached.';
  } finally {
    button.disabled = false;
  }
});
