/** A QR code as one vector path (drawn locally with the qrcode package; no image service, no PNG step). */
import QRCode from "qrcode";

/** SVG path data of the dark modules, one unit per module, and the module count. */
export function qrPath(text: string): { d: string; size: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const { size, data } = qr.modules;
  let d = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y * size + x]) d += `M${x} ${y}h1v1h-1z`;
  }
  return { d, size };
}
