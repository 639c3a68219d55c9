// The demo phones: what each demo citizen's Zalo received, as server-rendered HTML in Vietnamese with large text,
// no script. One h1, one h2 per citizen, messages as articles with their button as a real link.
import { escapeHtml as e } from '@lao-cai-so/domain/html';
import { formatVietnameseDateTime } from '../one-stop/dvcqg-date';
import type { DemoCitizen } from './demo-citizens';
import type { NotificationChannel, ReceivedMessage } from './message-store';

/** Only the last three digits (•••• ••• 678): the demo phones are shown on shared screens. */
function maskPhone(phone: string): string {
  return `•••• ••• ${phone.slice(-3)}`;
}

export const CHANNEL_LABELS: Readonly<Record<NotificationChannel, string>> = {
  'mini-app': 'Thông báo mini app',
  zbs: 'Tin nhắn Zalo (ZBS)',
};

/** The button of a ZBS message whose template data holds a link. */
export const ZBS_BUTTON_TEXT = 'Xem hồ sơ';

/** Newest messages shown per citizen; older ones stay in the control API. */
const SHOWN_PER_CITIZEN = 50;

export interface PhonePageOptions {
  appId: string;
  /** Where the mini app runs in the demo (the first allowed origin), e.g. http://localhost:3000. */
  miniAppOrigin: string;
}

export interface CitizenPhone {
  citizen: DemoCitizen;
  /** Oldest first, as stored. */
  messages: ReceivedMessage[];
}

// Contrast on white: text #1b1b1f 16.9:1, links and buttons #0b57d0 6.3:1 (white on it likewise), muted #4a4a52
// 8.7:1, badge white on #b3261e 6.5:1.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:20px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#f4f5f8}
header{background:#0068ff;color:#fff;padding:12px 20px;font-weight:600}
main{max-width:760px;margin:0 auto;padding:12px 16px 48px}
a{color:#0b57d0}
a:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:2rem 0 .25rem}
h3{font-size:1.15rem;margin:.25rem 0}
.muted{color:#4a4a52}
.phone-number{font-weight:400;color:#4a4a52;white-space:nowrap}
ol.messages{list-style:none;padding:0;margin:.5rem 0}
article.message{background:#fff;border:1px solid #c4c6d0;border-radius:12px;padding:12px 16px;margin:0 0 12px}
.channel{font-size:.9rem;font-weight:600;color:#0b57d0;margin:0}
.meta{font-size:.9rem;color:#4a4a52;margin:0}
article.message p{margin:.25rem 0}
a.button{display:inline-block;margin-top:8px;padding:10px 20px;border-radius:8px;background:#0b57d0;color:#fff;font-weight:600;text-decoration:none}
.link{font-size:.85rem;color:#4a4a52;word-break:break-all}
.badge{display:inline-block;background:#b3261e;color:#fff;border-radius:12px;padding:0 10px;font-size:.85rem;font-weight:600}
nav ul{display:flex;flex-wrap:wrap;gap:8px 20px;padding:0;list-style:none}
`;

function isHttpUrl(value: unknown, protocols = ['https:']): value is string {
  if (typeof value !== 'string') return false;
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Where a button leads in the demo: a link into this mini app (`https://zalo.me/s/<appId>/…?…`) opens the local
 * mini app with the same path and query; any other https link is kept.
 */
export function demoHref(link: string, options: PhonePageOptions): string {
  const prefix = `https://zalo.me/s/${options.appId}/`;
  if (link.startsWith(prefix)) return `${options.miniAppOrigin.replace(/\/$/, '')}/${link.slice(prefix.length)}`;
  return link;
}

function button(text: string, link: string, options: PhonePageOptions): string {
  return (
    `<p><a class="button" href="${e(demoHref(link, options))}">${e(text)}</a></p>` +
    `<p class="link">Liên kết: ${e(link)}</p>`
  );
}

function miniAppBody(data: Record<string, unknown>, options: PhonePageOptions): string {
  const lines = [data.contentTitle, data.contentDescription].filter((line) => typeof line === 'string' && line !== '');
  return (
    `<h3>${e(data.title)}</h3>` +
    lines.map((line) => `<p>${e(line)}</p>`).join('') +
    (isHttpUrl(data.buttonUrl) ? button(typeof data.buttonText === 'string' ? data.buttonText : ZBS_BUTTON_TEXT, data.buttonUrl, options) : '')
  );
}

function zbsBody(message: ReceivedMessage, options: PhonePageOptions): string {
  const entries = Object.entries(message.data);
  const links = entries.filter(([, value]) => isHttpUrl(value));
  const lines = entries.filter(([, value]) => !isHttpUrl(value));
  return (
    `<h3>Mẫu tin ${e(message.templateId)}</h3>` +
    lines.map(([label, value]) => `<p>${e(label)}: ${e(typeof value === 'object' ? JSON.stringify(value) : value)}</p>`).join('') +
    links.map(([, value]) => button(ZBS_BUTTON_TEXT, value as string, options)).join('')
  );
}

function messageItem(message: ReceivedMessage, options: PhonePageOptions): string {
  const duplicate = message.duplicateOfTrackingId
    ? ` <span class="badge">Trùng mã theo dõi ${e(message.trackingId)}</span>`
    : '';
  return `<li><article class="message">
<p class="channel">${e(CHANNEL_LABELS[message.channel])}${duplicate}</p>
<p class="meta">Nhận lúc ${e(formatVietnameseDateTime(new Date(message.receivedAt)))}</p>
${message.channel === 'mini-app' ? miniAppBody(message.data, options) : zbsBody(message, options)}
</article></li>`;
}

function citizenSection({ citizen, messages }: CitizenPhone, options: PhonePageOptions): string {
  const newest = messages.slice(-SHOWN_PER_CITIZEN).reverse();
  const list =
    newest.length === 0
      ? '<p class="muted">Chưa có tin nhắn nào.</p>'
      : `<ol class="messages">${newest.map((message) => messageItem(message, options)).join('\n')}</ol>` +
        (messages.length > newest.length ? `<p class="muted">Chỉ hiện ${newest.length} tin mới nhất trên ${messages.length} tin.</p>` : '');
  return `<section aria-labelledby="citizen-${e(citizen.id)}">
<h2 id="citizen-${e(citizen.id)}">${e(citizen.name)} <span class="phone-number">${e(maskPhone(citizen.phone))}</span></h2>
<p class="muted">${e(citizen.description)} · ${messages.length} tin nhắn</p>
${list}
</section>`;
}

/** The whole page: every demo citizen's phone, messages newest first. */
export function phonePageHtml(phones: readonly CitizenPhone[], options: PhonePageOptions): string {
  const nav = phones
    .map(({ citizen }) => `<li><a href="#citizen-${e(citizen.id)}">${e(citizen.name)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Điện thoại mô phỏng — tin nhắn Zalo</title>
<style>${STYLE}</style>
</head>
<body>
<header>Zalo (mô phỏng) · Điện thoại của người dân mẫu</header>
<main>
<h1>Tin nhắn Zalo của người dân mẫu</h1>
<p>Thông báo mini app và tin nhắn Zalo (ZBS) mà điện thoại của từng người nhận được, mới nhất ở trên. <a href="/phone">Làm mới</a></p>
<nav aria-label="Người dân mẫu"><ul>${nav}</ul></nav>
${phones.map((phone) => citizenSection(phone, options)).join('\n')}
</main>
</body>
</html>`;
}
