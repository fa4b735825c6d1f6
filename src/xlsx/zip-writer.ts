/**
 * A .zip (an .xlsx package) from its parts, compressed by Node's own zlib in one synchronous pass per
 * part (Node only: the CLI). JSZip compresses with a JavaScript deflate and streams every part through
 * its worker pipeline, and archiver through Node streams; for the split's 150 small unit workbooks
 * either cost more than rendering the rows. The container is the plain zip format (APPNOTE 6.3):
 * a local header before each part, the central directory, its end record; names in UTF-8.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipPart } from "./zip-text";

/** Node's inflate for `useNativeInflate`: at most the size the zip announces, else an error. */
export function inflateRawNative(data: Uint8Array, size: number): Uint8Array {
  const out = inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  if (out.length !== size) throw new Error("zip part: inflated size differs from the size announced");
  return out;
}

/** MS-DOS time and date of a moment (local time, as zip tools write them). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The zip bytes of the parts, in their order, deflated at `level` (1: fastest). */
export function zipParts(parts: readonly ZipPart[], level: number, when = new Date()): Buffer {
  const { time, date } = dosTime(when);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const data = "deflated" in part ? part.deflated : deflateRawSync(part.data, { level });
    const crc = ("deflated" in part ? part.crc32 : crc32(part.data)) >>> 0;
    const size = "deflated" in part ? part.size : part.data.length;
    if (size > 0xfffffffe || offset > 0xfffffffe) throw new Error("zip part too large");
    // From the flags to the name's length, the local header and the central directory entry agree.
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(0x0800, at); // names in UTF-8
      b.writeUInt16LE(8, at + 2); // deflate
      b.writeUInt16LE(time, at + 4);
      b.writeUInt16LE(date, at + 6);
      b.writeUInt32LE(crc, at + 8);
      b.writeUInt32LE(data.length, at + 12);
      b.writeUInt32LE(size, at + 16);
      b.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    fields(local, 6);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    entry.writeUInt16LE(20, 6);
    fields(entry, 8);
    entry.writeUInt32LE(offset, 42); // extra, comment, disk, attributes: 0
    chunks.push(local, name, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  if (parts.length > 0xffff) throw new Error("too many zip parts");
  return Buffer.concat([...chunks, ...central, end]);
}
