import {
  ApiError, endSession, openStream, recentMessages, roomInfo, sendMessage, startSession,
} from './api.js';
import { memberItem, messageElement, roomButton, setMessageState } from './view.js';

const ROOM = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const WAKING_AFTER = 2500;
const $ = (id) => document.getElementById(id);

// One person per browser: every tab shares the session (and one stream, through the worker).
const state = {
  nick: localStorage.getItem('natter.nick'),
  token: localStorage.getItem('natter.token'),
  rooms: JSON.parse(localStorage.getItem('natter.rooms') || '["general"]'),
  current: null,
  lists: new Map(), // room -> <ol> of its messages
  unread: new Map(), // room -> count
  latest: new Map(), // room -> position of its newest event seen
  pending: new Map(), // submission id -> <li> still waiting for its outcome
  outcomes: new Map(), // submission id -> outcome that came before the 202 did
  queue: [], // messages waiting to be sent, in order
  sending: false,
  stream: null,
  lastEventId: null,
};

// --- rooms and messages -------------------------------------------------

function listFor(room) {
  if (!state.lists.has(room)) {
    const list = document.createElement('ol');
    list.className = 'messages';
    list.id = 'messages';
    state.lists.set(room, list);
  }
  return state.lists.get(room);
}

function nearBottom(list) {
  return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
}

// Where each room was read up to, kept across reloads.
const readKey = (room) => `natter.read.${state.nick}.${room}`;

function markRead(room) {
  const latest = state.latest.get(room);
  if (latest) localStorage.setItem(readKey(room), String(latest));
}

function append(room, item, seq) {
  const list = listFor(room);
  if (list.querySelector(`[data-key="${CSS.escape(item.dataset.key)}"]`)) return;
  if (seq) state.latest.set(room, Math.max(Number(seq), state.latest.get(room) || 0));
  const follow = nearBottom(list);
  list.append(item);
  if (room === state.current && document.visibilityState === 'visible') {
    if (follow) list.scrollTop = list.scrollHeight;
    markRead(room);
  } else if (!item.classList.contains('notice') && !item.classList.contains('mine')
      && (!seq || Number(seq) > Number(localStorage.getItem(readKey(room)) || 0))) {
    state.unread.set(room, (state.unread.get(room) || 0) + 1);
    renderRooms();
  }
}

function show(event, kind, text, author = event.data.author) {
  const item = messageElement(
    { key: event.id, author, text, time: event.time, kind, via: event.chatvia, origin: origin(event) },
    state.nick);
  if (author === state.nick && !event.chatvia) item.classList.add('mine');
  setMessageState(item, 'posted');
  settle(event.data.submissionId, 'posted');
  append(event.room, item, event.seq);
}

// Where a message came from: a stream event carries its traceparent, a history entry its trace id.
function origin(event) {
  const parent = /^[0-9a-f]{2}-([0-9a-f]{32})-/.exec(event.traceparent || '');
  return { source: event.source, trace: event.traceId || (parent && parent[1]) };
}

function notice(room, key, text, seq) {
  append(room, messageElement({ key, text, time: new Date(), kind: 'notice' }), seq);
}

// The 202 and the outcome race: whichever comes second settles the message.
function settle(submissionId, outcome, detail) {
  if (!submissionId) return;
  const item = state.pending.get(submissionId);
  if (!item) {
    // Perhaps our own message, whose 202 is still on its way.
    if (state.sending) state.outcomes.set(submissionId, { outcome, detail });
    if (state.outcomes.size > 200) state.outcomes.delete(state.outcomes.keys().next().value);
    return;
  }
  state.pending.delete(submissionId);
  if (outcome === 'posted') {
    item.remove();
  } else {
    setMessageState(item, outcome, detail);
    const input = $('message-input');
    if (!input.value) restore(input, item.querySelector('.text').textContent);
  }
}

const handlers = {
  'chat.message.posted': (e) => show(e, 'message', e.data.text),
  'chat.action.posted': (e) => show(e, 'action', e.data.text),
  'chat.dice.rolled': (e) =>
    show(e, 'notice', `${e.data.author} rolled ${e.data.dice}: ${e.data.rolls.join(' + ')} = ${e.data.total}`),
  'chat.topic.changed': (e) => {
    show(e, 'notice', e.data.topic ? `${e.data.author} set the topic: ${e.data.topic}` : `${e.data.author} cleared the topic`);
    if (e.room === state.current) $('room-topic').textContent = e.data.topic;
  },
  'chat.message.rejected': (e) => settle(e.data.submissionId, 'rejected', e.data.detail),
  'chat.message.failed': (e) => settle(e.data.submissionId, 'failed', e.data.detail),
  'chat.help.shown': (e) => {
    settle(e.data.submissionId, 'posted');
    notice(e.room, e.id, e.data.commands.map((c) => `${c.usage} — ${c.description}`).join('\n'), e.seq);
  },
  'chat.nick.requested': (e) => {
    // The command is done once the gateway gives the new nick; refused, it shows as rejected.
    changeNick(e.data.nick).then(
      () => settle(e.data.submissionId, 'posted'),
      (error) => settle(e.data.submissionId, 'rejected', `not changed: ${error.message}`));
  },
  'chat.member.joined': (e) => {
    notice(e.room, e.id, `${e.data.nick} joined`, e.seq);
    if (e.room === state.current) loadMembers(e.room);
  },
  'chat.member.left': (e) => {
    notice(e.room, e.id, `${e.data.nick} left`, e.seq);
    if (e.room === state.current) loadMembers(e.room);
  },
  'natter.resync': async (notice) => {
    listFor(notice.room).replaceChildren();
    await loadHistory(notice.room);
  },
};

async function loadHistory(room) {
  const entries = await recentMessages(room);
  entries.forEach((entry) => {
    const event = {
      id: entry.id, room, time: entry.time, data: entry.data, seq: entry.seq, chatvia: entry.via,
      source: entry.source, traceId: entry.traceId,
    };
    const handle = handlers[entry.type];
    if (handle) handle(event);
    advance(entry.seq);
  });
  const list = listFor(room);
  list.scrollTop = list.scrollHeight;
}

async function loadMembers(room) {
  const info = await roomInfo(room).catch(() => null);
  if (!info || room !== state.current) return;
  $('room-topic').textContent = info.topic || '';
  $('members').replaceChildren(...info.online.map((nick) => memberItem(nick, state.nick)));
  $('online-line').textContent = info.online.length ? `Online: ${info.online.join(', ')}` : '';
}

function advance(position) {
  if (Number(position) > Number(state.lastEventId || 0)) state.lastEventId = String(position);
}

function renderRooms() {
  $('rooms').replaceChildren(
    ...state.rooms.map((room) => roomButton(room, state.current, state.unread.get(room) || 0, selectRoom)));
}

function selectRoom(room) {
  state.current = room;
  sessionStorage.setItem('natter.room', room);
  state.unread.delete(room);
  markRead(room);
  $('room-title').textContent = `#${room}`;
  $('room-topic').textContent = '';
  const list = listFor(room);
  $('messages').replaceWith(list);
  list.scrollTop = list.scrollHeight;
  renderRooms();
  loadMembers(room);
  $('message-input').focus();
}

// --- the stream ---------------------------------------------------------

function showStatus(status) {
  const element = $('connection');
  element.dataset.state = status;
  element.textContent = { open: 'connected', lost: 'reconnecting…' }[status] || 'connecting…';
  if (status === 'open') loadMembers(state.current);
}

function deliver(type, data, seq) {
  const event = JSON.parse(data);
  if (seq) event.seq = seq;
  if (event.room && !state.rooms.includes(event.room)) return;
  handlers[type](event);
}

/** Shares one stream with the other tabs of this site, where the browser can. */
function connect(reconnect = false) {
  if (!window.SharedWorker) {
    connectAlone();
    return;
  }
  if (!state.worker) {
    state.worker = new SharedWorker('stream-worker.js', { name: 'natter-stream' });
    state.worker.port.onmessage = ({ data }) => {
      if (data.status) showStatus(data.status);
      if (data.lastEventId) advance(data.lastEventId);
      if (data.type) deliver(data.type, data.data, data.lastEventId);
    };
    state.worker.port.start();
    window.addEventListener('pagehide', () => state.worker.port.postMessage({ close: true }));
  }
  state.worker.port.postMessage({ rooms: state.rooms, lastEventId: state.lastEventId, reconnect });
}

function connectAlone() {
  state.stream?.close();
  const stream = openStream(state.rooms, state.lastEventId);
  stream.onopen = () => showStatus('open');
  stream.onerror = () => showStatus('lost');
  Object.keys(handlers).forEach((type) =>
    stream.addEventListener(type, (message) => {
      if (message.lastEventId) advance(message.lastEventId);
      deliver(type, message.data, message.lastEventId);
    }));
  state.stream = stream;
}

async function joinRoom(room) {
  if (!state.rooms.includes(room)) {
    state.rooms.push(room);
    localStorage.setItem('natter.rooms', JSON.stringify(state.rooms));
    await loadHistory(room);
    connect();
  }
  selectRoom(room);
}

// --- sending, one message at a time, in order ---------------------------

function send(text) {
  const room = state.current;
  const item = messageElement({ key: `pending-${crypto.randomUUID()}`, author: state.nick, text, time: new Date() });
  item.classList.add('mine');
  setMessageState(item, 'sending');
  append(room, item);
  state.queue.push({ room, text, item });
  drain();
}

async function drain() {
  if (state.sending) return;
  state.sending = true;
  while (state.queue.length) {
    const next = state.queue[0];
    try {
      const { id } = await sendMessage(next.room, next.text, state.token);
      state.queue.shift();
      accepted(id, next.item);
    } catch (error) {
      if (error.status === 429) {
        setMessageState(next.item, 'sending', `waiting ${error.retryAfter} s: you are sending fast`);
        await new Promise((resolve) => setTimeout(resolve, error.retryAfter * 1000));
        continue;
      }
      state.queue.shift();
      failed(next, error);
    }
  }
  state.sending = false;
}

function accepted(id, item) {
  setMessageState(item, 'accepted');
  const outcome = state.outcomes.get(id);
  state.pending.set(id, item);
  if (outcome) {
    state.outcomes.delete(id);
    settle(id, outcome.outcome, outcome.detail);
    return;
  }
  setTimeout(() => {
    if (state.pending.get(id) === item) setMessageState(item, 'waking', 'waking up the functions…');
  }, WAKING_AFTER);
}

function failed({ text, item }, error) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 409)) {
    item.remove();
    signOut(`${error.message}. Sign in again; your message is kept.`, text);
    return;
  }
  // Not sent at all: the text goes back in the box, to send again.
  const input = $('message-input');
  if (!input.value) {
    restore(input, text);
    item.remove();
    $('send-error').textContent = `Not sent: ${error.message}. Your message is back in the box.`;
    return;
  }
  setMessageState(item, 'rejected', `not sent: ${error.message}`);
}

// --- sessions -----------------------------------------------------------

function remember(session) {
  state.nick = session.nick;
  state.token = session.token;
  localStorage.setItem('natter.nick', session.nick);
  localStorage.setItem('natter.token', session.token);
}

async function changeNick(nick) {
  remember(await startSession(nick, state.token));
  $('me').textContent = state.nick;
  connect(true);
}

function signOut(reason, draft, here = true) {
  state.stream?.close();
  state.worker?.port.postMessage({ close: true });
  if (here && state.token) endSession(state.token).catch(() => {});
  if (here) {
    localStorage.removeItem('natter.token');
    localStorage.removeItem('natter.nick');
  }
  if (draft) sessionStorage.setItem('natter.draft', draft);
  state.token = null;
  // What the next person sees starts afresh.
  state.lists.clear();
  state.unread.clear();
  state.latest.clear();
  state.pending.clear();
  state.lastEventId = null;
  $('messages').replaceChildren();
  $('members').replaceChildren();
  $('chat').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = reason || '';
  $('nick').value = state.nick || '';
  $('nick').focus();
}

async function enterChat() {
  $('login').hidden = true;
  $('chat').hidden = false;
  $('me').textContent = state.nick;
  $('me').title = state.nick;
  $('login-error').textContent = '';
  const draft = sessionStorage.getItem('natter.draft');
  if (draft) {
    $('message-input').value = draft;
    sessionStorage.removeItem('natter.draft');
  }
  // A reload stays in the room it was in.
  const last = sessionStorage.getItem('natter.room');
  selectRoom(state.rooms.includes(last) ? last : state.rooms[0]);
  state.lastEventId = state.lastEventId || '0';
  await Promise.all(state.rooms.map(loadHistory));
  connect();
}

// --- wiring -------------------------------------------------------------

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    remember(await startSession($('nick').value));
    await enterChat();
  } catch (error) {
    $('login-error').textContent = error.message;
  }
});

$('sign-out').addEventListener('click', () => signOut());

$('join-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const room = $('join-room').value.trim().toLowerCase().replace(/^#/, '');
  if (!ROOM.test(room)) {
    $('send-error').textContent =
      'A room name is 1 to 40 lower-case letters, digits, - or _, starting with a letter or digit.';
    return;
  }
  $('join-room').value = '';
  $('send-error').textContent = '';
  await joinRoom(room);
});

$('send-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('message-input');
  const text = input.value;
  if (!text.trim()) {
    $('send-error').textContent = 'Type a message first.';
    return;
  }
  $('send-error').textContent = '';
  input.value = '';
  send(text);
});

$('message-input').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    $('send-form').requestSubmit();
  }
});

document.addEventListener('keydown', (event) => {
  if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
    event.preventDefault();
    const index = state.rooms.indexOf(state.current) + (event.key === 'ArrowUp' ? -1 : 1);
    selectRoom(state.rooms[(index + state.rooms.length) % state.rooms.length]);
  } else if (event.key === 'Escape') {
    $('message-input').focus();
  } else if (event.ctrlKey && event.key === 'k') {
    event.preventDefault();
    $('join-room').focus();
  }
});

// Another tab signed in, changed nick or signed out: this one follows.
window.addEventListener('storage', (event) => {
  if (event.key !== 'natter.token' || event.newValue === state.token) return;
  if (!event.newValue) {
    signOut('Signed out in another tab.', null, false);
    return;
  }
  const signedIn = Boolean(state.token);
  state.token = event.newValue;
  state.nick = localStorage.getItem('natter.nick');
  $('me').textContent = state.nick;
  $('me').title = state.nick;
  if (!signedIn) enterChat();
});

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && state.current) markRead(state.current);
});

if (state.token) enterChat();

// Puts a message that did not make it back in the box, selected: what is typed next replaces it
// rather than running into it.
function restore(input, text) {
  input.value = text;
  if (document.activeElement === input) input.select();
}
