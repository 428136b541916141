import "server-only";
import QRCode from "qrcode";

/**
 * The otpauth:// URI as an SVG QR code in a data: URL, drawn on the server: the secret never
 * leaves for a QR service, and the page needs no script for it (CSP allows `img-src data:`).
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}
