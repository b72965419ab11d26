/**
 * Draws a QR code's modules as black squares on a white canvas, with the
 * standard 4-module quiet zone. The encoder is fetched on first use: only a
 * teacher building a link, or a player hosting a match, needs it; others never download it.
 */
export async function drawQr(canvas: HTMLCanvasElement, text: string, size: number): Promise<void> {
  const { default: qrcode } = await import('qrcode-generator');
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const cells = count + 8;
  const cell = Math.max(2, Math.floor(size / cells));
  canvas.width = cell * cells;
  canvas.height = cell * cells;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  for (let r = 0; r < count; r += 1) {
    for (let c = 0; c < count; c += 1) {
      if (qr.isDark(r, c)) ctx.fillRect((c + 4) * cell, (r + 4) * cell, cell, cell);
    }
  }
  canvas.dataset.modules = String(count);
}

