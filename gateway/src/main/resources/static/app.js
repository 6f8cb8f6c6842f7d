import { ApiError, openStream, recentMessages, sendMessage, startSession } from './api.js';
import { messageElement, roomButton, setMessageState } from './view.js';

const ROOM = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const $ = (id) => document.getElementById(id);

const state = {
  nick: sessionStorage.getItem('natter.nick'),
  token: sessionStorage.getItem('natter.token'),
  rooms: JSON.parse(localStorage.getItem('natter.rooms') || '["general"]'),
  current: null,
  lists: new Map(), // room -> <ol> of its messages
  mine: new Map(), // submission id -> pending <li>
  stream: null,
  lastEventId: null,
};

function listFor(room) {
  if (!state.lists.has(room)) {
    const list = document.createElement('ol');
    list.className = 'messages';
    list.id = 'messages';
    state.lists.set(room, list);
  }
  return state.lists.get(room);
}

function append(room, item) {
  const list = listFor(room);
  if (list.querySelector(`[data-key="${CSS.escape(item.dataset.key)}"]`)) return;
  list.append(item);
  if (room === state.current) list.lastElementChild.scrollIntoView({ block: 'end' });
}

function showPosted(event) {
  const data = event.data;
  const pending = state.mine.get(data.submissionId);
  if (pending) {
    state.mine.delete(data.submissionId);
    pending.remove();
  }
  const item = messageElement({ key: event.id, author: data.author, text: data.text, time: event.time });
  setMessageState(item, 'posted');
  append(event.room, item);
}

function showRejected(event) {
  const pending = state.mine.get(event.data.submissionId);
  if (!pending) return;
  setMessageState(pending, 'rejected', event.data.detail);
  const input = $('message-input');
  if (!input.value) input.value = pending.querySelector('.text').textContent;
}

function renderRooms() {
  const list = $('rooms');
  list.replaceChildren(...state.rooms.map((room) => roomButton(room, state.current, selectRoom)));
}

function selectRoom(room) {
  state.current = room;
  $('room-title').textContent = `#${room}`;
  $('messages').replaceWith(listFor(room));
  renderRooms();
  $('message-input').focus();
}

function advance(position) {
  if (Number(position) > Number(state.lastEventId || 0)) state.lastEventId = String(position);
}

async function loadHistory(room) {
  const messages = await recentMessages(room);
  messages.forEach((message) => {
    showPosted({ id: message.id, room, time: message.time, data: message });
    advance(message.seq);
  });
}

async function resync(notice) {
  listFor(notice.room).replaceChildren();
  await loadHistory(notice.room);
}

function connect() {
  state.stream?.close();
  const stream = openStream(state.rooms, state.lastEventId);
  const status = $('connection');
  stream.onopen = () => {
    status.dataset.state = 'open';
    status.textContent = 'connected';
  };
  stream.onerror = () => {
    status.dataset.state = 'lost';
    status.textContent = 'reconnecting…';
  };
  const handle = (show) => (message) => {
    if (message.lastEventId) advance(message.lastEventId);
    show(JSON.parse(message.data));
  };
  stream.addEventListener('chat.message.posted', handle(showPosted));
  stream.addEventListener('chat.message.rejected', handle(showRejected));
  stream.addEventListener('natter.resync', handle(resync));
  state.stream = stream;
}

async function joinRoom(room) {
  selectRoom(room);
  if (state.rooms.includes(room)) return;
  state.rooms.push(room);
  localStorage.setItem('natter.rooms', JSON.stringify(state.rooms));
  renderRooms();
  await loadHistory(room);
  connect();
}

async function send(text) {
  const room = state.current;
  const item = messageElement({ key: `pending-${Date.now()}`, author: state.nick, text, time: new Date() });
  setMessageState(item, 'sending');
  append(room, item);
  try {
    const { id } = await sendMessage(room, text, state.token);
    state.mine.set(id, item);
    setMessageState(item, 'accepted');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      item.remove();
      signOut('Your session has ended. Sign in again; your message is kept.', text);
      return;
    }
    setMessageState(item, 'rejected', error.message);
  }
}

function signOut(reason, draft) {
  state.stream?.close();
  sessionStorage.clear();
  if (draft) sessionStorage.setItem('natter.draft', draft);
  state.token = null;
  $('chat').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = reason;
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
  selectRoom(state.rooms[0]);
  state.lastEventId = state.lastEventId || '0';
  await Promise.all(state.rooms.map(loadHistory));
  connect();
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const session = await startSession($('nick').value);
    state.nick = session.nick;
    state.token = session.token;
    sessionStorage.setItem('natter.nick', session.nick);
    sessionStorage.setItem('natter.token', session.token);
    await enterChat();
  } catch (error) {
    $('login-error').textContent = error.message;
  }
});

$('join-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const room = $('join-room').value.trim().toLowerCase().replace(/^#/, '');
  if (!ROOM.test(room)) {
    $('send-error').textContent = 'Room names are 1 to 40 lower-case letters, digits, - or _.';
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

if (state.token) enterChat();
