// One stream shared by every tab of this site. Over HTTP/1.1 a browser opens at most six
// connections per site; a stream per tab would starve the seventh tab, and every tab's sends.

const TYPES = [
  'chat.message.posted',
  'chat.action.posted',
  'chat.dice.rolled',
  'chat.topic.changed',
  'chat.message.rejected',
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
  opened = key;
  if (!rooms.length) return;
  const query = new URLSearchParams();
  rooms.forEach((room) => query.append('room', room));
  const from = resumeFrom ?? lastEventId;
  if (from) query.set('lastEventId', from);
  resumeFrom = null;
  source = new EventSource(`/api/stream?${query}`);
  source.onopen = () => {
    status = 'open';
    broadcast({ status });
  };
  source.onerror = () => {
    status = 'lost';
    broadcast({ status });
  };
  TYPES.forEach((type) =>
    source.addEventListener(type, (event) => {
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
