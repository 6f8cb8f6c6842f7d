// Rendering. User text only ever reaches the page through textContent, never as markup.

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

export function messageElement({ key, author, text, time }) {
  const item = document.createElement('li');
  item.className = 'message';
  item.dataset.key = key;
  const when = time ? timeFormat.format(new Date(time)) : '';
  item.append(span('time', when), span('author', author), span('text', text));
  return item;
}

export function setMessageState(item, state, note) {
  item.dataset.state = state;
  item.querySelector('.note')?.remove();
  if (note) item.append(span('note', note));
}

export function roomButton(room, current, onSelect) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = `#${room}`;
  button.dataset.room = room;
  button.setAttribute('aria-current', String(room === current));
  button.addEventListener('click', () => onSelect(room));
  item.append(button);
  return item;
}
