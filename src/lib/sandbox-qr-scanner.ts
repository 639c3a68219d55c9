// Sandbox builds' stand-in for Zalo's camera scanner (src/README.md, "Zalo platform"). Like Zalo's own it is a
// screen above the app, so it is drawn here rather than by the app's pages.

/** What zmp-sdk's scanQRCode resolves with; `content` is empty when the scanner was closed. */
export interface ScanResult {
  content: string;
}

const MAX_DECODE_SIDE = 1600;

/** The text of the first QR code in the picture, or null when none can be read. */
export async function decodeQrImage(file: Blob): Promise<string | null> {
  const [{ default: jsQR }, bitmap] = await Promise.all([import('jsqr'), createImageBitmap(file)]);
  // Phone photos are large; a poster's QR code stays readable at this size and decoding stays quick.
  const scale = Math.min(1, MAX_DECODE_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const { data } = context.getImageData(0, 0, width, height);
  return jsQR(data, width, height)?.data ?? null;
}

const STYLE = `
.sandbox-scanner { border: none; border-radius: 12px; padding: 20px; width: min(92vw, 420px); font: inherit;
  color: #1a1a1a; }
.sandbox-scanner::backdrop { background: rgba(0, 0, 0, 0.7); }
.sandbox-scanner h2 { margin: 0 0 8px; font-size: 1.2rem; }
.sandbox-scanner p { margin: 0 0 12px; }
.sandbox-scanner label { display: block; font-weight: 600; margin: 12px 0 4px; }
.sandbox-scanner input[type="text"] { width: 100%; box-sizing: border-box; padding: 10px; font: inherit;
  border: 1px solid #6b6b6b; border-radius: 8px; }
.sandbox-scanner .sandbox-scanner-error { color: #b00020; font-weight: 600; }
.sandbox-scanner .sandbox-scanner-actions { display: flex; gap: 8px; margin-top: 16px; flex-wrap: wrap; }
.sandbox-scanner button { min-height: 44px; padding: 0 16px; border-radius: 8px; font: inherit; font-weight: 600;
  border: 1px solid #0b5cad; background: #fff; color: #0b5cad; }
.sandbox-scanner button[type="submit"] { background: #0b5cad; color: #fff; }
`;

// Vietnamese, as Zalo's own scanner screen is for these citizens.
const MARKUP = `
<form method="dialog">
  <h2 id="sandbox-scanner-title">Quét mã QR (bản thử nghiệm)</h2>
  <p>Trong Zalo, camera mở ở đây. Ở bản thử nghiệm, hãy chọn ảnh có mã QR hoặc nhập nội dung của mã.</p>
  <label for="sandbox-scanner-image">Chọn ảnh có mã QR</label>
  <input id="sandbox-scanner-image" type="file" accept="image/*">
  <label for="sandbox-scanner-text">Hoặc nhập nội dung mã</label>
  <input id="sandbox-scanner-text" type="text" autocomplete="off" spellcheck="false">
  <p class="sandbox-scanner-error" role="alert"></p>
  <div class="sandbox-scanner-actions">
    <button type="submit" value="text">Dùng nội dung này</button>
    <button type="button" value="close">Đóng</button>
  </div>
</form>`;

/** Opens the stand-in scanner; resolves with the code's text, or an empty content when the tester closes it. */
export function openSandboxScanner(): Promise<ScanResult> {
  return new Promise((resolve) => {
    const style = document.createElement('style');
    style.textContent = STYLE;
    const dialog = document.createElement('dialog');
    dialog.className = 'sandbox-scanner';
    dialog.setAttribute('aria-labelledby', 'sandbox-scanner-title');
    dialog.innerHTML = MARKUP;
    document.body.append(style, dialog);

    const form = dialog.querySelector('form')!;
    const image = dialog.querySelector<HTMLInputElement>('#sandbox-scanner-image')!;
    const text = dialog.querySelector<HTMLInputElement>('#sandbox-scanner-text')!;
    const error = dialog.querySelector<HTMLElement>('.sandbox-scanner-error')!;
    const close = dialog.querySelector<HTMLButtonElement>('button[value="close"]')!;

    let settled = false;
    const finish = (content: string) => {
      if (settled) return;
      settled = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      style.remove();
      resolve({ content });
    };

    image.addEventListener('change', () => {
      const file = image.files?.[0];
      if (!file) return;
      error.textContent = 'Đang đọc mã…';
      decodeQrImage(file).then(
        (content) => {
          if (content) finish(content);
          else error.textContent = 'Không đọc được mã QR trong ảnh này. Hãy chọn ảnh rõ hơn.';
        },
        () => {
          error.textContent = 'Không mở được ảnh này. Hãy chọn một ảnh khác.';
        },
      );
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (text.value.trim()) finish(text.value.trim());
      else {
        error.textContent = 'Hãy nhập nội dung mã, hoặc chọn ảnh có mã QR.';
        text.focus();
      }
    });
    close.addEventListener('click', () => finish(''));
    // Escape closes the dialog: the citizen left the scanner.
    dialog.addEventListener('close', () => finish(''));

    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  });
}
