// Calls to the gateway's HTTP API. Errors carry the problem detail's words.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function call(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, payload.detail || response.statusText);
  }
  return payload;
}

export const startSession = (nick) => call('POST', '/api/sessions', { nick });

export const sendMessage = (room, text, token) =>
  call('POST', `/api/rooms/${encodeURIComponent(room)}/messages`, { text }, token);

export const recentMessages = (room) =>
  call('GET', `/api/rooms/${encodeURIComponent(room)}/messages?limit=100`);

export function openStream(rooms, lastEventId) {
  const query = new URLSearchParams();
  rooms.forEach((room) => query.append('room', room));
  if (lastEventId) query.set('lastEventId', lastEventId);
  return new EventSource(`/api/stream?${query}`);
}
