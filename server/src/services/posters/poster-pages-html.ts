// The posters pages, where commune staff find their office and download its A4 poster, a procedure's poster, its QR
// code or every office's posters in one PDF; opened in an ordinary browser on the office PC (or a phone) and printed.
// Server-rendered Vietnamese HTML, no script: the name filter is a GET form, so it works with JavaScript off. Links
// are paths on the proxy's own origin. Every value from the catalogue goes through `html`, which escapes it.
import { createHash } from 'node:crypto';
import { Html, html } from '@lao-cai-so/domain/html';
import { POSTER_QR_SIDE_CM } from './poster-pdf';

/** Where the routes of routes/offices/posters.ts are mounted (app.ts). */
const API_PREFIX = '/api/v1';

export const POSTER_PAGES_PATH = '/posters';
export const ALL_POSTERS_PATH = `${API_PREFIX}/offices/posters.pdf`;

export const posterPagePath = (officeCode: string) => `${POSTER_PAGES_PATH}/${encodeURIComponent(officeCode)}`;

const officeFile = (officeCode: string, file: string) => `${API_PREFIX}/offices/${encodeURIComponent(officeCode)}/${file}`;

export const posterPdfPath = (officeCode: string, procedureCode?: string) =>
  officeFile(officeCode, 'poster.pdf') + (procedureCode === undefined ? '' : `?proc=${encodeURIComponent(procedureCode)}`);

export const qrPath = (officeCode: string, format: 'png' | 'svg', size?: number) =>
  officeFile(officeCode, `qr.${format}`) + (size === undefined ? '' : `?size=${size}`);

export const POSTER_PAGE_TEXT = {
  indexTitle: 'Áp phích mã QR cho Bộ phận một cửa',
  allPosters: 'Tải áp phích của tất cả cơ quan (một tệp PDF)',
  poster: 'Tải áp phích (PDF, A4)',
  qrPng: 'Tải mã QR (PNG)',
  qrSvg: 'Tải mã QR (SVG)',
  notFoundTitle: 'Không tìm thấy cơ quan này',
  backToList: 'Xem danh sách các cơ quan',
} as const;

// Contrast on white: text #1b1b1f 16.9:1, links #0b57d0 6.3:1 (white on it likewise), muted #4a4a52 8.7:1. Every
// link, the field and the button are at least 48 px tall (WCAG 2.5.5 asks 44).
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:18px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#f4f5f8}
header{background:#0b5cad;color:#fff;padding:12px 20px;font-weight:700;font-size:1.2rem}
main{max-width:820px;margin:0 auto;padding:12px 16px 48px}
a{color:#0b57d0}
a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
h1{font-size:1.7rem;line-height:1.25;margin:.75rem 0 .5rem}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
p{margin:.5rem 0}
.muted{color:#4a4a52}
.link{word-break:break-all}
a.button{display:inline-flex;align-items:center;min-height:48px;padding:10px 20px;border-radius:8px;background:#0b57d0;color:#fff;font-weight:600;text-decoration:none}
ul.actions{list-style:none;padding:0;margin:1rem 0;display:flex;flex-wrap:wrap;gap:12px}
ul.actions a{display:inline-flex;align-items:center;min-height:48px;padding:10px 16px;border:2px solid #0b57d0;border-radius:8px;background:#fff;font-weight:600;text-decoration:none}
ul.actions a.button{background:#0b57d0;color:#fff}
ul.list{list-style:none;padding:0;margin:.5rem 0}
ul.list li{margin:0 0 8px}
ul.list a{display:block;min-height:48px;padding:10px 16px;background:#fff;border:1px solid #c4c6d0;border-radius:8px;text-decoration:none}
ul.list a:hover{border-color:#0b57d0}
ul.list .name{display:block;font-weight:600;text-decoration:underline}
ul.list .detail{display:block;font-size:.9rem;color:#4a4a52}
form.filter{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:.5rem 0}
form.filter label{flex-basis:100%;font-weight:600}
form.filter input{flex:1 1 14rem;min-height:48px;padding:8px 12px;font:inherit;border:2px solid #4a4a52;border-radius:8px}
form.filter button{min-height:48px;padding:8px 20px;font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:8px;cursor:pointer}
img.qr{display:block;width:200px;height:200px;margin:1rem 0;background:#fff}
`;

/**
 * Sent with every page: nothing but this stylesheet, same-origin images (the QR preview) and a form to this origin;
 * no script at all, so even markup that slipped past the escaping could not run.
 */
export const POSTER_PAGES_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Our own constant stylesheet, inserted as written (its hash is in the CSP).
const STYLESHEET = new Html(STYLE);

function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — Lào Cai số</title>
<style>${STYLESHEET}</style>
</head>
<body>
<header>Lào Cai số</header>
<main>
${body}
</main>
</body>
</html>
`.markup;
}

export interface PosterIndexOffice {
  code: string;
  name: string;
  address: string | null;
}

export interface PosterIndexPage {
  /** The offices shown, in the catalogue's order (the provincial centre first). */
  offices: PosterIndexOffice[];
  /** Every active office, whether shown or not. */
  total: number;
  /** The name filter as typed ('' for none). */
  query: string;
}

export function posterIndexHtml({ offices, total, query }: PosterIndexPage): string {
  const count = query
    ? offices.length === 0
      ? html`Không có cơ quan nào khớp với “${query}”. Hãy gõ tên xã, phường khác (có dấu hay không dấu đều được).`
      : html`Tìm thấy ${offices.length} trong ${total} cơ quan khớp với “${query}”.`
    : html`Có ${total} cơ quan. Chọn cơ quan của bạn để tải áp phích của cơ quan hoặc của từng thủ tục.`;
  const body = html`<h1>${POSTER_PAGE_TEXT.indexTitle}</h1>
<p>In trên giấy khổ A4, in màu hay đen trắng đều được (mã QR in màu đen). Để tỉ lệ in 100 %, không chọn “vừa trang”,
để mã QR rộng đúng ${POSTER_QR_SIDE_CM} cm: điện thoại quét được từ khoảng 1,5 m. Dán áp phích ngang tầm mắt, ở nơi
công dân ngồi chờ; công dân quét mã bằng Zalo để mở Lào Cai số tại cơ quan của bạn.</p>
<p><a class="button" href="${ALL_POSTERS_PATH}">${POSTER_PAGE_TEXT.allPosters}</a></p>
<h2>Các cơ quan</h2>
<form class="filter" method="get" action="${POSTER_PAGES_PATH}" role="search">
<label for="q">Tìm theo tên xã, phường (gõ có dấu hay không dấu đều được)</label>
<input id="q" name="q" type="search" value="${query}" maxlength="200" autocomplete="off">
<button type="submit">Tìm</button>
</form>
<p class="muted">${count}${query && html` <a href="${POSTER_PAGES_PATH}">Xem tất cả cơ quan</a>`}</p>
${
  offices.length > 0 &&
  html`<ul class="list">
${offices.map(
  (office) => html`<li><a href="${posterPagePath(office.code)}"><span class="name">${office.name}</span>${
    office.address && html`<span class="detail">${office.address}</span>`
  }</a></li>
`,
)}</ul>`
}`;
  return page(query ? `${POSTER_PAGE_TEXT.indexTitle}: “${query}”` : POSTER_PAGE_TEXT.indexTitle, body);
}

export interface OfficePosterPage {
  office: { code: string; name: string; address: string | null };
  /** The deep link the office's QR code opens. */
  link: string;
  /** The procedures the office handles, most used first. */
  procedures: Array<{ code: string; name: string }>;
}

export function officePosterPageHtml({ office, link, procedures }: OfficePosterPage): string {
  const body = html`<p><a href="${POSTER_PAGES_PATH}">← ${POSTER_PAGE_TEXT.backToList}</a></p>
<h1>${office.name}</h1>
${office.address && html`<p>${office.address}</p>`}
<img class="qr" src="${qrPath(office.code, 'svg', 200)}" width="200" height="200" alt="Mã QR in trên áp phích của ${office.name}">
<ul class="actions">
<li><a class="button" href="${posterPdfPath(office.code)}">${POSTER_PAGE_TEXT.poster}</a></li>
<li><a href="${qrPath(office.code, 'png')}" download>${POSTER_PAGE_TEXT.qrPng}</a></li>
<li><a href="${qrPath(office.code, 'svg')}" download>${POSTER_PAGE_TEXT.qrSvg}</a></li>
</ul>
<p class="muted">Mã QR mở trang của cơ quan trong Lào Cai số: <span class="link">${link}</span></p>
<h2>Áp phích cho từng thủ tục</h2>
${
  procedures.length === 0
    ? html`<p>Cơ quan này chưa có thủ tục nào trong danh mục.</p>`
    : html`<p>Mã QR trên áp phích của một thủ tục mở thẳng biểu mẫu nộp hồ sơ của thủ tục đó, đã chọn sẵn cơ quan của
bạn. Thủ tục được dùng nhiều nhất ở trên cùng.</p>
<ul class="list">
${procedures.map(
  (procedure) => html`<li><a href="${posterPdfPath(office.code, procedure.code)}"><span class="name">${procedure.name}</span><span class="detail">${POSTER_PAGE_TEXT.poster} · mã thủ tục ${procedure.code}</span></a></li>
`,
)}</ul>`
}`;
  return page(`Áp phích — ${office.name}`, body);
}

/** Unknown, merged-away or malformed office codes: the code asked for is not repeated. */
export function posterNotFoundHtml(): string {
  const body = html`<h1>${POSTER_PAGE_TEXT.notFoundTitle}</h1>
<p>Địa chỉ này không ứng với cơ quan nào đang hoạt động: có thể mã cơ quan bị gõ sai, hoặc xã, phường đã được sáp
nhập vào đơn vị khác. Hãy chọn lại cơ quan của bạn trong danh sách.</p>
<p><a class="button" href="${POSTER_PAGES_PATH}">${POSTER_PAGE_TEXT.backToList}</a></p>`;
  return page(POSTER_PAGE_TEXT.notFoundTitle, body);
}
