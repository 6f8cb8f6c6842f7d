// One stream shared by every tab of this site. Over HTTP/1.1 a browser opens at most six
// connections per site; a stream per tab would starve the seventh tab, and every tab's sends.

const TYPES = [
  'chat.message.posted',
  'chat.action.posted',
  'chat.dice.rolled',
  'chat.topic.changed',
  'chat.message.rejected',
  'chat.message.failed',
  'chat.help.shown',
  'chat.nick.requested',
  'chat.member.joined',
  'chat.member.left',
  'natter.resync',
];

const tabs = new Map(); // port -> rooms it follows
let source = null;
let opened = '';
let lastEventId = null;
let resumeFrom = null;
let status = 'connecting';
let failures = 0;
let retry = null;

function broadcast(message) {
  tabs.forEach((rooms, port) => port.postMessage(message));
}

function advance(position) {
  if (Number(position) > Number(lastEventId || 0)) lastEventId = String(position);
}

function open(force) {
  const rooms = [...new Set([...tabs.values()].flat())].sort();
  const key = rooms.join(',');
  if (!force && key === opened && source) return;
  source?.close();
  source = null;
  clearTimeout(retry);
  opened = key;
  if (!rooms.length) return;
  const query = new URLSearchParams();
  rooms.forEach((room) => query.append('room', room));
  const from = resumeFrom ?? lastEventId;
  if (from) query.set('lastEventId', from);
  resumeFrom = null;
  const stream = new EventSource(`/api/stream?${query}`);
  source = stream;
  stream.onopen = () => {
    failures = 0;
    status = 'open';
    broadcast({ status });
  };
  stream.onerror = () => {
    status = 'lost';
    broadcast({ status });
    // The browser retries by itself after a network error, but gives up for good on an answer
    // that is not a stream, such as a proxy's 502 while the gateway starts: retry then, slower
    // each time, from the last event seen.
    if (stream === source && stream.readyState === EventSource.CLOSED) {
      const delay = Math.min(15000, 1000 * 2 ** failures++);
      retry = setTimeout(() => open(true), delay);
    }
  };
  TYPES.forEach((type) =>
    stream.addEventListener(type, (event) => {
      if (event.lastEventId) advance(event.lastEventId);
      broadcast({ type, data: event.data, lastEventId: event.lastEventId });
    }));
}

onconnect = (connection) => {
  const port = connection.ports[0];
  tabs.set(port, []);
  port.onmessage = ({ data }) => {
    if (data.close) {
      tabs.delete(port);
      open(false);
      return;
    }
    // A tab resumes from what its history held; the others drop what they see twice.
    if (data.lastEventId && Number(data.lastEventId) < Number(lastEventId ?? Infinity)) {
      resumeFrom = data.lastEventId;
    }
    tabs.set(port, data.rooms);
    open(Boolean(data.reconnect) || resumeFrom !== null);
  };
  port.postMessage({ status });
};
