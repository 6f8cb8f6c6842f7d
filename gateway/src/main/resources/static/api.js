// Calls to the gateway's HTTP API. Errors carry the problem detail's words.

export class ApiError extends Error {
  constructor(status, detail, retryAfter) {
    super(detail);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

/** A new W3C trace context: the trace of one action, followed through every component. */
export function newTraceparent() {
  const hex = (bytes) =>
    Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `00-${hex(16)}-${hex(8)}-01`;
}

async function call(method, path, body, token, traceparent) {
  const headers = { Accept: 'application/json' };
  if (traceparent) headers.traceparent = traceparent;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'Natter cannot be reached right now');
  }
  const payload = response.status === 204 ? {} : await response.json().catch(() => ({}));
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After')) || 0;
    throw new ApiError(response.status, payload.detail || response.statusText, retryAfter);
  }
  return payload;
}

export const startSession = (nick, token) => call('POST', '/api/sessions', { nick }, token);

export const endSession = (token) => call('DELETE', '/api/sessions', undefined, token);

export const sendMessage = (room, text, token, traceparent = newTraceparent()) =>
  call('POST', `/api/rooms/${encodeURIComponent(room)}/messages`, { text }, token, traceparent);

export const recentMessages = (room) =>
  call('GET', `/api/rooms/${encodeURIComponent(room)}/messages?limit=100`);

export const roomInfo = (room) => call('GET', `/api/rooms/${encodeURIComponent(room)}`);

export function openStream(rooms, lastEventId) {
  const query = new URLSearchParams();
  rooms.forEach((room) => query.append('room', room));
  if (lastEventId) query.set('lastEventId', lastEventId);
  return new EventSource(`/api/stream?${query}`);
}
