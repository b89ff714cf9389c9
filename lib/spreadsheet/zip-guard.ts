// Reads a zip's directories (inflating only what SheetJS would inflate without
// a size) so a zip bomb or an encrypted zip is refused before SheetJS
// decompresses anything. It reads the zip the way SheetJS's parse_zip does
// (node_modules/xlsx/xlsx.js): the last end-of-central-directory signature,
// that record's entry count at +8 and directory offset at +16 (no ZIP64 end
// record), then every entry's LOCAL header, whose size SheetJS trusts when it
// allocates the inflated entry (Buffer.allocUnsafe, outside the worker's heap
// cap). So a local header must agree with its central entry, and an entry
// SheetJS would inflate without a size (data descriptor, bit 3) is inflated
// here once with an output cap of its declared size.
import { inflateRawSync } from "node:zlib";

export type ZipSummary =
  | { ok: true; entries: ZipEntry[]; uncompressedBytes: number }
  | { ok: false; problem: "malformed" | "inconsistent" | "too-many-entries" | "too-large" | "encrypted" };

export type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
// Flags SheetJS acts on: encryption (0, 6, 13) and a data descriptor (3).
const MEANINGFUL_FLAGS = 0x2049;
const ENCRYPTION_FLAGS = 0x2041;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// SheetJS's read_shift on a short buffer: bytes past the end read as 0.
const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => u16(b, at) + u16(b, at + 2) * 0x10000;

/** SheetJS's search: from length - 4 backwards, the first "PK\x05\x06". */
function findEndOfCentralDirectory(bytes: Uint8Array): number {
  for (let at = bytes.length - 4; at >= 0; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) return at;
  }
  return -1;
}

/** SheetJS's parse_extra_field, reduced to the ZIP64 sizes (id 1); a later field of the same id wins. */
function zip64Sizes(field: Uint8Array): { usz: number; csz: number } | undefined {
  let found: { usz: number; csz: number } | undefined;
  for (let at = 0; at <= field.length - 4; ) {
    const type = u16(field, at);
    const size = u16(field, at + 2);
    at += 4;
    if (type === 0x0001) found = { usz: u32(field, at + 4) * 2 ** 32 + u32(field, at), csz: u32(field, at + 12) * 2 ** 32 + u32(field, at + 8) };
    at += size;
  }
  return found;
}

export function inspectZip(bytes: Uint8Array, limits: { maxEntries: number; maxUncompressedBytes: number }): ZipSummary {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0 || eocd + 22 > bytes.length) return { ok: false, problem: "malformed" };
  const entries = u16(bytes, eocd + 8);
  const directoryOffset = u32(bytes, eocd + 16);
  if (entries > limits.maxEntries) return { ok: false, problem: "too-many-entries" };

  let at = directoryOffset;
  let total = 0;
  const found: ZipEntry[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_HEADER) return { ok: false, problem: "malformed" };
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bytes.length) return { ok: false, problem: "malformed" };
    if (flags & ENCRYPTION_FLAGS) return { ok: false, problem: "encrypted" };
    const centralExtra = zip64Sizes(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    // As SheetJS: a ZIP64 size replaces the header's when it is non-zero.
    const size = centralExtra?.usz || u32(bytes, at + 24);
    const compressedSize = centralExtra?.csz || u32(bytes, at + 20);
    total += size;
    if (total > limits.maxUncompressedBytes) return { ok: false, problem: "too-large" };

    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    const local = checkLocalHeader(bytes, localOffset, { name, flags, method, size, compressedSize, centralExtra });
    if (local !== "ok") return { ok: false, problem: local };
    found.push({
      name: new TextDecoder().decode(name),
      method,
      compressedSize,
      localOffset,
    });
    at = next;
  }
  return { ok: true, entries: found, uncompressedBytes: total };
}

type Central = { name: Uint8Array; flags: number; method: number; size: number; compressedSize: number; centralExtra: { usz: number; csz: number } | undefined };

function checkLocalHeader(bytes: Uint8Array, at: number, central: Central): "ok" | "malformed" | "inconsistent" | "encrypted" {
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) return "malformed";
  const flags = u16(bytes, at + 6);
  const method = u16(bytes, at + 8);
  if (flags & ENCRYPTION_FLAGS) return "encrypted";
  if ((flags & MEANINGFUL_FLAGS) !== (central.flags & MEANINGFUL_FLAGS) || method !== central.method) return "malformed";
  if (method !== 0 && method !== 8) return "malformed";
  const nameLength = u16(bytes, at + 26);
  const extraLength = u16(bytes, at + 28);
  const dataStart = at + 30 + nameLength + extraLength;
  if (dataStart > bytes.length) return "malformed";
  // SheetJS names the part by its local header; the checks here go by the directory's name.
  const localName = bytes.subarray(at + 30, at + 30 + nameLength);
  if (localName.length !== central.name.length || localName.some((byte, i) => byte !== central.name[i])) return "inconsistent";
  // The sizes SheetJS's parse_local_file uses: the local header's, replaced
  // (only when the local header has an extra field) by a local ZIP64 size and
  // then by the central one.
  let size = u32(bytes, at + 22);
  let compressedSize = u32(bytes, at + 18);
  if (extraLength) {
    const localExtra = zip64Sizes(bytes.subarray(at + 30 + nameLength, dataStart));
    if (localExtra?.usz) size = localExtra.usz;
    if (localExtra?.csz) compressedSize = localExtra.csz;
    if (central.centralExtra?.usz) size = central.centralExtra.usz;
    if (central.centralExtra?.csz) compressedSize = central.centralExtra.csz;
  }
  const deferred = (flags & 0x8) !== 0 && size === 0 && compressedSize === 0;
  // A local header that claims other sizes than the directory is a zip bomb's trick (or damage).
  if (!deferred && (size !== central.size || compressedSize !== central.compressedSize)) return "inconsistent";
  // SheetJS allocates the local size; with none (a data descriptor follows, or
  // an empty entry) it grows the output as long as the stream goes on. Inflate
  // it here once, capped at the declared size, and refuse a stream that is
  // longer or does not inflate at all.
  if (method === 8 && size === 0) {
    try {
      const out = inflateRawSync(bytes.subarray(dataStart), { maxOutputLength: Math.max(1, central.size) });
      if (out.length !== central.size) return "inconsistent";
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? "inconsistent" : "malformed";
    }
  }
  return "ok";
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
