import QRCode from "qrcode";

// SVG so the page can inline it: no canvas, no data URL, scales crisply.
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
