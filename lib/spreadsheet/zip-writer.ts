import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants, crc32, createDeflateRaw } from "node:zlib";

// A zip archive built from parts whose text arrives a piece at a time, so a
// 100,000-row sheet is never held as one string: each part is deflated as it
// is produced and only its compressed bytes are kept. Every local header
// carries its part's real sizes and CRC (no data descriptors), as our own
// upload check (zip-guard.ts) and SheetJS expect of a workbook.

type Part = { name: Buffer; crc: number; size: number; compressed: Buffer[]; compressedSize: number };

const VERSION = 20; // 2.0: deflate
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const ZIP32_LIMIT = 0xffffffff;

/** 1980-01-01 00:00 in MS-DOS time and date: a fixed stamp, so the same workbook is the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

async function deflatePart(name: string, pieces: Iterable<string> | AsyncIterable<string>): Promise<Part> {
  let crc = 0;
  let size = 0;
  const source = Readable.from(
    (async function* () {
      for await (const piece of pieces) {
        const bytes = Buffer.from(piece, "utf8");
        crc = crc32(bytes, crc);
        size += bytes.length;
        yield bytes;
      }
    })(),
  );
  const compressed: Buffer[] = [];
  let compressedSize = 0;
  await pipeline(source, createDeflateRaw({ level: constants.Z_DEFAULT_COMPRESSION }), async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) {
      compressed.push(chunk);
      compressedSize += chunk.length;
    }
  });
  if (size > ZIP32_LIMIT || compressedSize > ZIP32_LIMIT) throw new Error(`The part ${name} is too large for a workbook`);
  return { name: Buffer.from(name, "utf8"), crc, size, compressed, compressedSize };
}

function localHeader(part: Part): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(DEFLATE, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(part.crc, 14);
  header.writeUInt32LE(part.compressedSize, 18);
  header.writeUInt32LE(part.size, 22);
  header.writeUInt16LE(part.name.length, 26);
  header.writeUInt16LE(0, 28);
  return header;
}

function centralHeader(part: Part, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(VERSION, 6);
  header.writeUInt16LE(UTF8_NAMES, 8);
  header.writeUInt16LE(DEFLATE, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(part.crc, 16);
  header.writeUInt32LE(part.compressedSize, 20);
  header.writeUInt32LE(part.size, 24);
  header.writeUInt16LE(part.name.length, 28);
  // Extra field, comment, disk number, attributes: none.
  header.writeUInt32LE(localOffset, 42);
  return header;
}

function endOfDirectory(parts: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts, 8);
  end.writeUInt16LE(parts, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

export type ZipPart = { name: string; pieces: Iterable<string> | AsyncIterable<string> };

/** The archive of these parts, in this order, each deflated. */
export async function zipArchive(parts: ZipPart[]): Promise<Buffer> {
  const deflated: Part[] = [];
  for (const part of parts) deflated.push(await deflatePart(part.name, part.pieces));
  const body: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of deflated) {
    const header = localHeader(part);
    directory.push(centralHeader(part, offset), part.name);
    body.push(header, part.name, ...part.compressed);
    offset += header.length + part.name.length + part.compressedSize;
  }
  if (offset > ZIP32_LIMIT) throw new Error("The workbook is too large");
  const directorySize = directory.reduce((sum, piece) => sum + piece.length, 0);
  return Buffer.concat([...body, ...directory, endOfDirectory(deflated.length, directorySize, offset)]);
}
