// The officer console's pages: server-rendered HTML in Vietnamese, no framework. Accessibility by construction: one
// h1 a page, labelled fields, buttons named by their text, a captioned table, AA contrast (colours below).
import { escapeHtml as e } from '@lao-cai-so/domain/html';
import { vietnamDate } from '../vietnam-time';
import type { OneStopUnit } from './catalogue';
import type { Dossier, DossierStore } from './dossier-store';
import { STATUS_NAMES, clockRuns, isOverdue, isTerminal } from './dossier-statuses';
import { formatVietnameseDate, formatVietnameseDateTime } from './dvcqg-date';
import { OFFICER_ACTIONS, type OfficerAction, PICKUP_METHODS, allowedActions } from './dossier-workflow';

// Contrast on white: text #1b1b1f 16.9:1, links and primary buttons #0b57d0 6.3:1, danger #b3261e 6.5:1,
// muted #4a4a52 8.7:1, badge white on #b3261e 6.5:1.
const STYLE = `
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#fff}
header{background:#0b3d91;color:#fff;padding:12px 24px}
header a{color:#fff}
main{max-width:1100px;margin:0 auto;padding:16px 24px 48px}
a{color:#0b57d0}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:1px solid #c4c6d0;padding-bottom:.25rem}
h3{font-size:1.05rem;margin:0 0 .5rem}
.tools{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-end}
.tools form{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}
label{display:block;font-weight:600;margin-bottom:4px}
input,select,textarea{font:inherit;padding:6px 8px;border:1px solid #74777f;border-radius:4px;color:#1b1b1f;background:#fff;max-width:100%}
textarea{width:100%;min-height:4.5rem}
button{font:inherit;font-weight:600;padding:8px 16px;border-radius:4px;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer}
button.danger{background:#b3261e;border-color:#b3261e}
button:focus-visible,a:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f9a825;outline-offset:2px}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;margin-bottom:8px}
th,td{text-align:left;padding:8px;border-bottom:1px solid #c4c6d0;vertical-align:top}
.badge{display:inline-block;background:#b3261e;color:#fff;border-radius:12px;padding:0 8px;font-size:.875rem;font-weight:600;margin-left:6px}
.muted{color:#4a4a52}
.scan-video{display:block;width:100%;max-width:480px;margin-top:12px;border-radius:6px;background:#000}
.notice{border-left:4px solid #0b57d0;background:#eef3fd;padding:8px 12px}
.error{border-left:4px solid #b3261e;background:#fcefee;padding:8px 12px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dt{font-weight:600}
dd{margin:0}
.actions{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px}
.action{border:1px solid #c4c6d0;border-radius:6px;padding:12px}
.action .field{margin-bottom:8px}
ol.timeline{padding-left:1.25rem}
ol.timeline li{margin-bottom:8px}
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} — Hệ thống một cửa (mô phỏng)</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/officer">Hệ thống một cửa tỉnh Lào Cai (mô phỏng)</a> · Bàn làm việc cán bộ</header>
<main>
${body}
</main>
</body>
</html>`;
}

function overdueBadge(dossier: Dossier, now: Date): string {
  return isOverdue(now, dossier.dueAt, dossier.status) ? '<span class="badge">Trễ hạn</span>' : '';
}

function unitOptions(units: readonly OneStopUnit[], selected: string | undefined): string {
  const all = `<option value=""${selected ? '' : ' selected'}>Tất cả đơn vị</option>`;
  return (
    all +
    units
      .map((unit) => `<option value="${e(unit.code)}"${unit.code === selected ? ' selected' : ''}>${e(unit.name)} (${e(unit.code)})</option>`)
      .join('')
  );
}

/**
 * "Quét mã biên nhận": type the receipt code, or scan the QR code on the citizen's receipt (it encodes the receipt
 * code). The photo input opens the camera on a phone or tablet; receipt-scanner-script.ts decodes it in the page.
 */
function receiptScanner(receiptCode: string | undefined): string {
  return `<section aria-labelledby="scan-heading">
<h2 id="scan-heading">Quét mã biên nhận</h2>
<p class="muted">Nhập mã hồ sơ in trên biên nhận, hoặc chụp mã QR trên biên nhận của công dân (giấy biên nhận hoặc màn hình ứng dụng Lào Cai số).</p>
<div class="tools">
<form method="get" action="/officer" role="search" id="receipt-form">
<div><label for="receipt-code">Mã hồ sơ</label>
<input id="receipt-code" name="MaHoSo" maxlength="50" value="${e(receiptCode ?? '')}" autocomplete="off"></div>
<button type="submit">Mở hồ sơ</button>
</form>
<div><label for="receipt-photo">Chụp hoặc chọn ảnh mã QR</label>
<input id="receipt-photo" type="file" accept="image/*" capture="environment"></div>
<button type="button" id="scan-camera" hidden>Quét bằng camera</button>
</div>
<video id="scan-video" class="scan-video" hidden muted playsinline aria-label="Camera quét mã QR"></video>
<p id="scan-status" class="muted" role="status" aria-live="polite"></p>
</section>
<script src="/officer/assets/receipt-scanner.js" defer></script>`;
}

export interface ListPageInput {
  store: DossierStore;
  now: Date;
  unitCode: string | undefined;
  receiptCode: string | undefined;
  /** A message for the officer, e.g. a receipt code not found. */
  error?: string;
}

/** `GET /officer`: pick an office, see its dossiers, open one by receipt code, typed or scanned from the receipt. */
export function listPage({ store, now, unitCode, receiptCode, error }: ListPageInput): string {
  const unit = store.units.find((candidate) => candidate.code === unitCode);
  const dossiers = store.list(unit ? { unitCode: unit.code } : {});
  const rows = dossiers
    .map((dossier) => {
      const code = dossier.receiptCode ?? 'Chưa cấp mã';
      return `<tr>
<td><a href="/officer/dossiers/${e(dossier.id)}">${e(code)}</a></td>
<td>${e(dossier.procedure.name)}</td>
<td>${e(dossier.applicant.name)}</td>
<td>${e(STATUS_NAMES[dossier.status])}</td>
<td>${dossier.dueAt ? e(formatVietnameseDate(dossier.dueAt)) : '<span class="muted">—</span>'}${overdueBadge(dossier, now)}</td>
</tr>`;
    })
    .join('\n');
  const scope = unit ? unit.name : 'tất cả đơn vị';
  const table =
    dossiers.length === 0
      ? `<p>Chưa có hồ sơ nào.</p>`
      : `<table>
<caption>${dossiers.length} hồ sơ, mới nhất trước</caption>
<thead><tr><th scope="col">Mã hồ sơ</th><th scope="col">Thủ tục</th><th scope="col">Người nộp</th><th scope="col">Trạng thái</th><th scope="col">Hạn trả kết quả</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return page(
    'Danh sách hồ sơ',
    `<h1>Bàn làm việc cán bộ một cửa</h1>
${error ? `<p class="error" role="alert">${e(error)}</p>` : ''}
<div class="tools">
<form method="get" action="/officer">
<div><label for="office">Đơn vị tiếp nhận</label>
<select id="office" name="MaDonVi">${unitOptions(store.units, unit?.code)}</select></div>
<button type="submit">Xem hồ sơ</button>
</form>
</div>
${receiptScanner(receiptCode)}
<h2>Hồ sơ của ${e(scope)}</h2>
${table}
<script>
document.getElementById('office').addEventListener('change', function (event) { event.target.form.submit(); });
</script>`,
  );
}

function field(id: string, label: string, control: string, hint?: string): string {
  const hintHtml = hint ? `<span class="muted" id="${id}-hint">${e(hint)}</span>` : '';
  return `<div class="field"><label for="${id}">${e(label)}</label>${hintHtml}${control}</div>`;
}

function actionFields(action: OfficerAction, dossier: Dossier): string {
  const id = (name: string) => `${action}-${name}`;
  switch (action) {
    case 'request-supplement':
      return (
        field(
          id('documents'),
          'Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)',
          `<textarea id="${id('documents')}" name="documents" required aria-describedby="${id('documents')}-hint"></textarea>`,
          'Ghi đủ mọi giấy tờ còn thiếu trong một lần (Mẫu 02).',
        ) + field(id('note'), 'Hướng dẫn thêm (không bắt buộc)', `<textarea id="${id('note')}" name="note"></textarea>`)
      );
    case 'request-fee':
      return (
        field(id('amount'), 'Số tiền (đồng)', `<input id="${id('amount')}" name="amount" type="number" min="1" step="1" inputmode="numeric" required>`) +
        field(id('description'), 'Nội dung khoản phí', `<input id="${id('description')}" name="description" required maxlength="500">`) +
        field(id('payment'), 'Cách nộp (không bắt buộc)', `<textarea id="${id('payment')}" name="paymentMethod"></textarea>`)
      );
    case 'delay': {
      const min = dossier.dueAt ? vietnamDate(new Date(dossier.dueAt.getTime() + 86_400_000)) : '';
      return (
        field(id('date'), 'Ngày hẹn trả mới', `<input id="${id('date')}" name="newDueDate" type="date" min="${e(min)}" required>`) +
        field(
          id('apology'),
          'Lý do chậm và lời xin lỗi (Mẫu 04)',
          `<textarea id="${id('apology')}" name="apology" required></textarea>`,
        )
      );
    }
    case 'mark-result-ready':
      return (
        field(
          id('place'),
          'Nơi nhận kết quả',
          `<input id="${id('place')}" name="pickupPlace" required maxlength="500" value="${e(`Bộ phận tiếp nhận và trả kết quả, ${dossier.unit.name}`)}">`,
        ) +
        field(
          id('method'),
          'Hình thức nhận',
          `<select id="${id('method')}" name="pickupMethod">${PICKUP_METHODS.map((method) => `<option>${e(method)}</option>`).join('')}</select>`,
        ) +
        field(id('note'), 'Ghi chú (không bắt buộc)', `<textarea id="${id('note')}" name="note"></textarea>`)
      );
    case 'refuse':
    case 'stop':
      return field(id('reason'), action === 'refuse' ? 'Lý do không tiếp nhận (Mẫu 03)' : 'Lý do dừng xử lý (Mẫu 05)', `<textarea id="${id('reason')}" name="reason" required></textarea>`);
    default:
      return '';
  }
}

function actionForms(dossier: Dossier): string {
  const actions = allowedActions(dossier);
  if (actions.length === 0) {
    return `<p>${isTerminal(dossier.status) ? 'Hồ sơ đã kết thúc, không còn thao tác nào.' : 'Hồ sơ đang chờ công dân, chưa có thao tác nào cho cán bộ.'}</p>`;
  }
  return `<div class="actions">${actions
    .map((action) => {
      const danger = action === 'refuse' || action === 'stop';
      return `<form class="action" method="post" action="/officer/dossiers/${e(dossier.id)}/${action}">
${actionFields(action, dossier)}
<button type="submit"${danger ? ' class="danger"' : ''}>${e(OFFICER_ACTIONS[action].label)}</button>
</form>`;
    })
    .join('\n')}</div>`;
}

function statusDetails(dossier: Dossier): string {
  const parts: string[] = [];
  if (dossier.reason) parts.push(`<p><strong>Lý do:</strong> ${e(dossier.reason)}</p>`);
  for (const request of dossier.supplements) {
    const state = request.suppliedAt
      ? `đã bổ sung lúc ${e(formatVietnameseDateTime(request.suppliedAt))}${request.newDueAt ? `, hẹn trả mới ${e(formatVietnameseDate(request.newDueAt))}` : ''}`
      : 'đang chờ công dân bổ sung';
    parts.push(`<div><h3>Yêu cầu bổ sung ngày ${e(formatVietnameseDate(request.requestedAt))} (${state})</h3>
<ul>${request.documents.map((name) => `<li>${e(name)}</li>`).join('')}</ul>${request.note ? `<p>${e(request.note)}</p>` : ''}</div>`);
  }
  for (const fee of dossier.fees) {
    parts.push(`<p><strong>Phí:</strong> ${e(fee.amount.toLocaleString('vi-VN'))} đồng — ${e(fee.description)} (${fee.paid ? 'đã nộp' : 'chưa nộp'}). ${e(fee.paymentMethod)}</p>`);
  }
  for (const apology of dossier.apologies) {
    parts.push(`<p><strong>Thư xin lỗi ngày ${e(formatVietnameseDate(apology.at))}:</strong> ${e(apology.message)} Hẹn lại ngày ${e(formatVietnameseDate(apology.newDueAt))}.</p>`);
  }
  if (dossier.resultPickup) {
    parts.push(`<p><strong>Nhận kết quả:</strong> ${e(dossier.resultPickup.place)} — ${e(dossier.resultPickup.method)}${dossier.resultPickup.note ? `. ${e(dossier.resultPickup.note)}` : ''}</p>`);
  }
  return parts.length > 0 ? `<h2>Yêu cầu và thông báo</h2>\n${parts.join('\n')}` : '';
}

function formData(dossier: Dossier): string {
  const entries = Object.entries(dossier.formData);
  if (entries.length === 0) return '';
  return `<h2>Thông tin trên tờ khai</h2>
<dl>${entries.map(([key, value]) => `<dt>${e(key)}</dt><dd>${e(typeof value === 'string' ? value : JSON.stringify(value))}</dd>`).join('')}</dl>`;
}

export interface DossierPageInput {
  dossier: Dossier;
  now: Date;
  store: DossierStore;
  /** The message of an action just done, or an error of one refused. */
  notice?: string;
  error?: string;
}

/** `GET /officer/dossiers/:id`: the dossier, its documents and timeline, and a form for each allowed action. */
export function dossierPage({ dossier, now, store, notice, error }: DossierPageInput): string {
  const code = dossier.receiptCode ?? 'chưa cấp mã';
  const left = dossier.dueAt && clockRuns(dossier.status) ? store.calendar.workingDaysLeft(now, dossier.dueAt) : null;
  const leftText = left === null ? '' : left >= 0 ? ` (còn ${left} ngày làm việc)` : ` (quá hạn ${-left} ngày làm việc)`;
  const due = dossier.dueAt ? `${e(formatVietnameseDateTime(dossier.dueAt))}${leftText}${overdueBadge(dossier, now)}` : '—';
  const documents =
    dossier.documents.length === 0
      ? '<p>Hồ sơ không có tệp đính kèm.</p>'
      : `<ul>${dossier.documents
          .map(
            (document) =>
              `<li><a href="/officer/dossiers/${e(dossier.id)}/documents/${e(document.id)}">${e(document.fileName)}</a> <span class="muted">(${e(document.documentCode)}, ${Math.ceil(document.size / 1024)} KB)</span></li>`,
          )
          .join('')}</ul>`;
  const timeline = dossier.progress
    .map(
      (step) => `<li><strong>${e(formatVietnameseDateTime(step.at))}</strong> — ${e(STATUS_NAMES[step.status])} · ${e(step.actor)}, ${e(step.department)}<br>${e(step.note)}</li>`,
    )
    .join('\n');
  return page(
    `Hồ sơ ${code}`,
    `<p><a href="/officer?MaDonVi=${e(dossier.unit.code)}">Danh sách hồ sơ của ${e(dossier.unit.name)}</a></p>
<h1>Hồ sơ ${e(code)}</h1>
${notice ? `<p class="notice" role="status">${e(notice)}</p>` : ''}
${error ? `<p class="error" role="alert">${e(error)}</p>` : ''}
<dl>
<dt>Trạng thái</dt><dd>${e(STATUS_NAMES[dossier.status])}</dd>
<dt>Thủ tục</dt><dd>${e(dossier.procedure.name)} (${e(dossier.procedure.code)})</dd>
<dt>Đơn vị tiếp nhận</dt><dd>${e(dossier.unit.name)}</dd>
<dt>Người nộp</dt><dd>${e(dossier.applicant.name)}</dd>
<dt>Số điện thoại</dt><dd>${e(dossier.applicant.phone)}</dd>
<dt>Trích yếu</dt><dd>${e(dossier.summary)}</dd>
<dt>Ngày nộp</dt><dd>${e(formatVietnameseDateTime(dossier.submittedAt))}</dd>
<dt>Ngày tiếp nhận</dt><dd>${dossier.receivedAt ? e(formatVietnameseDateTime(dossier.receivedAt)) : '—'}</dd>
<dt>Hạn trả kết quả</dt><dd>${due}</dd>
<dt>Ngày trả kết quả</dt><dd>${dossier.returnedAt ? e(formatVietnameseDateTime(dossier.returnedAt)) : '—'}</dd>
</dl>
${statusDetails(dossier)}
<h2>Giấy tờ đã nộp</h2>
${documents}
${formData(dossier)}
<h2>Xử lý hồ sơ</h2>
${actionForms(dossier)}
<h2>Quá trình xử lý</h2>
<ol class="timeline">
${timeline}
</ol>`,
  );
}

/** A page for a missing dossier. */
export function notFoundPage(): string {
  return page(
    'Không tìm thấy hồ sơ',
    `<h1>Không tìm thấy hồ sơ</h1>
<p class="error" role="alert">Không tìm thấy hồ sơ này.</p>
<p><a href="/officer">Về danh sách hồ sơ</a></p>`,
  );
}
