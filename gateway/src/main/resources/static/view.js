// Rendering. User text only ever reaches the page through textContent and
// attributes set one by one, never as markup.

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
// http(s) links, and bare www. addresses, which open over https.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** The text with links made clickable (http and https only) and mentions of me marked. */
function richText(text, me) {
  const container = span('text', '');
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    appendMentions(container, text.slice(last, match.index), me);
    const link = document.createElement('a');
    link.href = match[0].startsWith('www.') ? `https://${match[0]}` : match[0];
    link.textContent = match[0];
    link.target = '_blank';
    link.rel = 'noopener noreferrer nofollow';
    container.append(link);
    last = match.index + match[0].length;
  }
  appendMentions(container, text.slice(last), me);
  return container;
}

function appendMentions(container, text, me) {
  if (!me) {
    container.append(text);
    return;
  }
  const mention = `@${me}`;
  const parts = text.split(mention);
  parts.forEach((part, index) => {
    if (index > 0) container.append(span('mention', mention));
    container.append(part);
  });
}

/**
 * A message of the list. One that came in through the CloudEvents ingress names its producer
 * ({@code via}), since its author is whoever that producer said.
 */
export function messageElement({ key, author, text, time, kind = 'message', via, origin }, me) {
  const item = document.createElement('li');
  item.className = kind === 'message' ? 'message' : `message ${kind}`;
  item.dataset.key = key;
  const when = time ? timeFormat.format(new Date(time)) : '';
  const body = document.createElement('div');
  body.className = 'body';
  if (kind === 'action') {
    body.append(span('author', `* ${author}`), richText(text, me));
  } else if (kind === 'notice') {
    body.append(span('text', text));
  } else {
    body.append(span('author', author), richText(text, me));
  }
  if (via) {
    const tag = span('via', `via ${via}`);
    tag.title = 'Posted by an integration, which names its author';
    body.querySelector('.author')?.after(tag);
  }
  const stamp = span('time', when);
  if (origin) {
    // Which function produced it, and the trace to look for in the logs.
    item.dataset.source = origin.source;
    if (origin.trace) item.dataset.trace = origin.trace;
    stamp.title = [`from ${origin.source}`, origin.trace && `trace ${origin.trace}`]
      .filter(Boolean).join('\n');
  }
  item.append(stamp, body);
  if (me && text.includes(`@${me}`)) item.classList.add('mentions-me');
  return item;
}

// What each state of one's own message shows beside its time, and says to a screen reader.
const RECEIPTS = {
  sending: ['…', 'sending'],
  accepted: ['✓', 'accepted: Natter has it'],
  waking: ['✓', 'accepted: waking up the functions'],
  posted: ['✓✓', 'posted'],
  rejected: ['✕', 'rejected'],
  failed: ['✕', 'failed: Natter could not deliver it'],
};

export function setMessageState(item, state, note) {
  item.dataset.state = state;
  item.querySelector('.note')?.remove();
  if (note) item.querySelector('.body').append(span('note', note));
  if (!item.classList.contains('mine') || !RECEIPTS[state]) return;
  let receipt = item.querySelector('.receipt');
  if (!receipt) {
    receipt = span('receipt', '');
    item.querySelector('.time').append(receipt);
  }
  const [mark, label] = RECEIPTS[state];
  receipt.textContent = mark;
  receipt.title = label;
  receipt.setAttribute('aria-label', label);
}

export function roomButton(room, current, unread, onSelect) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.room = room;
  button.append(span('name', `#${room}`));
  if (unread > 0) button.append(span('unread', String(unread)));
  button.setAttribute('aria-current', String(room === current));
  button.addEventListener('click', () => onSelect(room));
  item.append(button);
  return item;
}

export function memberItem(nick, me) {
  const item = document.createElement('li');
  item.textContent = nick;
  if (nick === me) item.className = 'self';
  return item;
}
