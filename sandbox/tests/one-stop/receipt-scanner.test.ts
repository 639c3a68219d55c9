// "Quét mã biên nhận" in the officer console: the officer types the receipt code or scans the QR code on the
// citizen's receipt (it encodes the receipt code), and the console opens that dossier.
import { runInNewContext } from 'node:vm';
import QRCode from 'qrcode';
import { type OfficerSandbox, startOfficerSandbox } from './officer-support';
import { birthRegistration, json } from './one-stop-api';

let sandbox: OfficerSandbox;
let dossierId: string;
let receiptCode: string;

beforeAll(async () => {
  sandbox = await startOfficerSandbox({ autoAccept: false });
  sandbox.setTime('2026-03-02T09:00:00+07:00');
  dossierId = (await json(await sandbox.push(birthRegistration('app-scan-1')))).Id as string;
  receiptCode = (await json(await sandbox.act(dossierId, 'accept'))).MaHoSo as string;
});

afterAll(() => sandbox?.close());

const open = (text: string) => fetch(`${sandbox.baseUrl}/officer?MaHoSo=${encodeURIComponent(text)}`, { redirect: 'manual' });

/** The RGBA pixels of a QR code, as the page's canvas hands them to the decoder. */
function qrPixels(text: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const margin = 4;
  const width = (modules.size + 2 * margin) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const row = Math.floor(y / scale) - margin;
      const column = Math.floor(x / scale) - margin;
      const dark = row >= 0 && column >= 0 && row < modules.size && column < modules.size && modules.get(row, column);
      if (dark) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height: width };
}

describe('the list page', () => {
  it('has "Quét mã biên nhận": the receipt code field, a labelled photo input that opens the camera, and its script', async () => {
    const page = await sandbox.html('/officer');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2 id="scan-heading">Quét mã biên nhận</h2>');
    expect(page.text).toContain('<label for="receipt-code">Mã hồ sơ</label>');
    expect(page.text).toContain('<label for="receipt-photo">Chụp hoặc chọn ảnh mã QR</label>');
    expect(page.text).toContain('<input id="receipt-photo" type="file" accept="image/*" capture="environment">');
    // Shown by the script only where the browser can find QR codes in the camera picture itself.
    expect(page.text).toContain('<button type="button" id="scan-camera" hidden>Quét bằng camera</button>');
    expect(page.text).toContain('<p id="scan-status" class="muted" role="status" aria-live="polite"></p>');
    expect(page.text).toContain('<script src="/officer/assets/receipt-scanner.js" defer></script>');
  });

  it('serves the scanner script, which loads the decoder from /officer/assets/jsqr.js', async () => {
    const res = await fetch(`${sandbox.baseUrl}/officer/assets/receipt-scanner.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await res.text();
    expect(script).toContain("'/officer/assets/jsqr.js'");
    expect(script).toContain("getElementById('receipt-photo')");
    expect(script).toContain('BarcodeDetector');
    // It parses as a script.
    expect(() => new Function(script)).not.toThrow();
  });

  it('serves a QR decoder that reads the receipt code from the receipt QR', async () => {
    const res = await fetch(`${sandbox.baseUrl}/officer/assets/jsqr.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // Run as a browser runs a classic script: it defines the global jsQR.
    const window: Record<string, unknown> = {};
    window.self = window;
    runInNewContext(await res.text(), window);
    const jsQR = window.jsQR as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
    const { data, width, height } = qrPixels(receiptCode);
    expect(jsQR(data, width, height)?.data).toBe(receiptCode);
  });
});

describe('opening what was typed or scanned', () => {
  it('the receipt code, as the receipt QR gives it, opens the dossier', async () => {
    expect(receiptCode).toMatch(/^04465-260302-\d{4}$/);
    const res = await open(receiptCode);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/officer/dossiers/${dossierId}`);
    const page = await sandbox.html(res.headers.get('location')!);
    expect(page.text).toContain(`<h1>Hồ sơ ${receiptCode}</h1>`);
  });

  it('typed in lower case, with spaces around it, it opens the dossier too', async () => {
    const res = await open(`  ${receiptCode.toLowerCase()} `);
    expect(res.headers.get('location')).toBe(`/officer/dossiers/${dossierId}`);
  });

  it('a receipt code of no dossier: 404, said in Vietnamese', async () => {
    const page = await sandbox.html('/officer?MaHoSo=04465-260302-9999');
    expect(page.status).toBe(404);
    expect(page.text).toContain('role="alert">Không tìm thấy hồ sơ có mã &quot;04465-260302-9999&quot;.');
  });

  it('a code in another shape than this system issues: 400, not a receipt code of this system', async () => {
    const page = await sandbox.html('/officer?MaHoSo=H38.2026.0001');
    expect(page.status).toBe(400);
    expect(page.text).toContain('role="alert">&quot;H38.2026.0001&quot; không phải mã hồ sơ.');
  });

  it("an office poster's QR (a link into the mini app): 400, says it is not a receipt", async () => {
    const link = 'https://zalo.me/s/1234567890123456789/?office=04465&proc=1.001193';
    const page = await sandbox.html(`/officer?MaHoSo=${encodeURIComponent(link)}`);
    expect(page.status).toBe(400);
    expect(page.text).toContain('role="alert">Đây là mã QR mở ứng dụng Lào Cai số (trên áp phích hoặc tin nhắn), không phải mã biên nhận.');
    // The long link is not put back into the receipt code field.
    expect(page.text).toContain('<input id="receipt-code" name="MaHoSo" maxlength="50" value=""');
  });

  it('any other code: 400, says what a receipt code looks like, with the text escaped', async () => {
    const page = await sandbox.html(`/officer?MaHoSo=${encodeURIComponent('<b>WIFI:S:cafe</b>')}`);
    expect(page.status).toBe(400);
    expect(page.text).toContain(
      'role="alert">&quot;&lt;b&gt;WIFI:S:cafe&lt;/b&gt;&quot; không phải mã hồ sơ. Mã hồ sơ in trên biên nhận, ví dụ 04465-260302-0001.',
    );
    expect(page.text).not.toContain('<b>WIFI');
  });

  it('scanned text far longer than a receipt code is read, not refused as malformed', async () => {
    const page = await sandbox.html(`/officer?MaHoSo=${'x'.repeat(1500)}`);
    expect(page.status).toBe(400);
    expect(page.text).toContain(`&quot;${'x'.repeat(60)}…&quot; không phải mã hồ sơ.`);
  });
});
