// Reads a zip's central directory (no inflating) so a zip bomb or an encrypted
// zip is refused before SheetJS decompresses anything. The declared sizes are
// what an honest writer put there; a file that lies about them still runs into
// the parse worker's memory cap.
import { inflateRawSync } from "node:zlib";

export type ZipSummary =
  | { ok: true; entries: ZipEntry[]; uncompressedBytes: number }
  | { ok: false; problem: "malformed" | "too-many-entries" | "too-large" | "encrypted" };

export type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}

export function inspectZip(bytes: Uint8Array, limits: { maxEntries: number; maxUncompressedBytes: number }): ZipSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { ok: false, problem: "malformed" };
  let entries = view.getUint16(eocd + 10, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return { ok: false, problem: "malformed" };
    const zip64 = Number(view.getBigUint64(locator + 8, true));
    if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== ZIP64_EOCD) return { ok: false, problem: "malformed" };
    entries = Number(view.getBigUint64(zip64 + 32, true));
    directoryOffset = Number(view.getBigUint64(zip64 + 48, true));
  }
  if (entries > limits.maxEntries) return { ok: false, problem: "too-many-entries" };

  let at = directoryOffset;
  let total = 0;
  const found: ZipEntry[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) return { ok: false, problem: "malformed" };
    const flags = view.getUint16(at + 8, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) return { ok: false, problem: "malformed" };
    if (flags & 0x1) return { ok: false, problem: "encrypted" };
    if (size === 0xffffffff) size = zip64UncompressedSize(view, at + 46 + nameLength, extraLength);
    total += size;
    if (total > limits.maxUncompressedBytes) return { ok: false, problem: "too-large" };
    found.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return { ok: true, entries: found, uncompressedBytes: total };
}

// The ZIP64 extra field (id 1) holds the real size when the header says 0xFFFFFFFF;
// a missing one counts as infinite so the file is refused, not trusted.
function zip64UncompressedSize(view: DataView, start: number, length: number): number {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001 && size >= 8) return Number(view.getBigUint64(at + 4, true));
    at += 4 + size;
  }
  return Number.POSITIVE_INFINITY;
}

/** One small entry's text (an ODS manifest), inflated with a hard output cap; undefined when unreadable. */
export function readSmallEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.length <= maxBytes ? new TextDecoder().decode(data) : undefined;
    if (entry.method === 8) return new TextDecoder().decode(inflateRawSync(data, { maxOutputLength: maxBytes }));
  } catch {
    // Larger than the cap, or not deflate data: treated as unreadable.
  }
  return undefined;
}
