// The officer console's "Quét mã biên nhận" in the browser: a photo of the receipt's QR code (the file input, which
// opens the camera on a phone or tablet) decoded in the page with jsQR, or the live camera with BarcodeDetector where
// the browser has it. The decoded text goes into the receipt code form, which the server reads (receipt-input.ts).
// Plain ES2017 in one function, served as /officer/assets/receipt-scanner.js; jsQR is loaded on first use.

export const RECEIPT_SCANNER_SCRIPT = String.raw`(function () {
  'use strict';
  var form = document.getElementById('receipt-form');
  var input = document.getElementById('receipt-code');
  var photo = document.getElementById('receipt-photo');
  var cameraButton = document.getElementById('scan-camera');
  var video = document.getElementById('scan-video');
  var status = document.getElementById('scan-status');
  if (!form || !input || !photo || !status) return;
  var MAX_SIDE = 1600;
  var jsQRLoading = null;

  function say(text) { status.textContent = text; }

  function openReceipt(text) {
    var code = String(text).trim();
    say('Đã đọc mã: ' + code.slice(0, 80) + '. Đang mở hồ sơ…');
    input.value = code;
    form.submit();
  }

  function loadJsQR() {
    if (window.jsQR) return Promise.resolve(window.jsQR);
    jsQRLoading = jsQRLoading || new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = '/officer/assets/jsqr.js';
      script.onload = function () { resolve(window.jsQR); };
      script.onerror = function () { jsQRLoading = null; reject(new Error('jsQR')); };
      document.head.appendChild(script);
    });
    return jsQRLoading;
  }

  // Phone photos are large: the receipt's code stays readable at this size and decoding stays quick.
  function decodeImage(jsQR, image) {
    var scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
    var width = Math.max(1, Math.round(image.naturalWidth * scale));
    var height = Math.max(1, Math.round(image.naturalHeight * scale));
    var canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    var context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    var found = jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'attemptBoth' });
    return found ? found.data : null;
  }

  photo.addEventListener('change', function () {
    var file = photo.files && photo.files[0];
    if (!file) return;
    say('Đang đọc mã QR trong ảnh…');
    var url = URL.createObjectURL(file);
    var image = new Image();
    image.onload = function () {
      loadJsQR().then(function (jsQR) {
        URL.revokeObjectURL(url);
        photo.value = '';
        var text = decodeImage(jsQR, image);
        if (text) openReceipt(text);
        else say('Không đọc được mã QR trong ảnh. Hãy chụp lại gần hơn, đủ sáng và rõ nét, hoặc nhập mã hồ sơ.');
      }, function () {
        say('Không tải được bộ đọc mã QR. Hãy tải lại trang hoặc nhập mã hồ sơ.');
      });
    };
    image.onerror = function () {
      URL.revokeObjectURL(url);
      photo.value = '';
      say('Không mở được ảnh này. Hãy chọn ảnh JPEG hoặc PNG có mã QR.');
    };
    image.src = url;
  });

  // The live camera, where the browser can find QR codes itself (Chrome on Android, for instance).
  if (!cameraButton || !video || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  var stream = null;
  var timer = null;
  var detector = null;

  function stopCamera() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
    stream = null;
    video.hidden = true;
    cameraButton.textContent = 'Quét bằng camera';
  }

  function scanFrame() {
    if (!stream) return;
    detector.detect(video).then(function (codes) {
      if (codes.length > 0 && stream) {
        stopCamera();
        openReceipt(codes[0].rawValue);
      } else {
        timer = setTimeout(scanFrame, 250);
      }
    }, function () {
      timer = setTimeout(scanFrame, 500);
    });
  }

  window.BarcodeDetector.getSupportedFormats().then(function (formats) {
    if (formats.indexOf('qr_code') < 0) return;
    detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    cameraButton.hidden = false;
    cameraButton.addEventListener('click', function () {
      if (stream) { stopCamera(); say(''); return; }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (media) {
        stream = media;
        video.srcObject = media;
        video.hidden = false;
        return video.play();
      }).then(function () {
        cameraButton.textContent = 'Dừng camera';
        say('Đưa mã QR trên biên nhận vào khung hình.');
        scanFrame();
      }, function () {
        stopCamera();
        say('Không mở được camera. Hãy chụp ảnh mã QR hoặc nhập mã hồ sơ.');
      });
    });
  }, function () {});
})();
`;
