/**
 * A .zip (an .xlsx package, or the split's .zip of unit workbooks) from its parts, each deflated by
 * fflate in one synchronous pass — the same code in the CLI and in the browser. fflate (a small,
 * maintained, dependency-free deflate/inflate in plain JavaScript, about as fast as zlib) was chosen
 * over JSZip, whose JavaScript deflate streams every part through its worker pipeline (for the split's
 * 150 small unit workbooks that cost more than rendering the rows), and over Node's zlib, which the
 * browser does not have. The container is the plain zip format (APPNOTE 6.3): a local header before
 * each part, the central directory, its end record; names in UTF-8.
 */
import { deflateSync, inflateSync } from "fflate";
import type { ZipPart } from "./zip-text";
import { crc32 } from "../core/crc32";

export { crc32 };

/** Raw inflate to exactly the size the zip announces, else an error (a zip that lies about its sizes). */
export function inflateRaw(data: Uint8Array, size: number): Uint8Array {
  // One byte more than announced: a part that fills it inflates to more than its zip says.
  const out = inflateSync(data, { out: new Uint8Array(size + 1) });
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

const utf8 = new TextEncoder();

/**
 * The zip bytes of the parts, in their order, deflated at `level` (1: fastest); level 0 stores
 * them as they are (parts that are zips already, as the split's unit workbooks).
 */
export function zipParts(parts: readonly ZipPart[], level: number, when = new Date()): Uint8Array {
  const { time, date } = dosTime(when);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = utf8.encode(part.name);
    const stored = !("deflated" in part) && level === 0;
    const data =
      "deflated" in part ? part.deflated : stored ? part.data : deflateSync(part.data, { level: level as 1 });
    const crc = ("deflated" in part ? part.crc32 : crc32(part.data)) >>> 0;
    const size = "deflated" in part ? part.size : part.data.length;
    if (size > 0xfffffffe || offset > 0xfffffffe) throw new Error("zip part too large");
    // From the flags to the name's length, the local header and the central directory entry agree.
    const fields = (v: DataView, at: number) => {
      v.setUint16(at, 0x0800, true); // names in UTF-8
      v.setUint16(at + 2, stored ? 0 : 8, true); // stored or deflate
      v.setUint16(at + 4, time, true);
      v.setUint16(at + 6, date, true);
      v.setUint32(at + 8, crc, true);
      v.setUint32(at + 12, data.length, true);
      v.setUint32(at + 16, size, true);
      v.setUint16(at + 20, name.length, true);
    };
    const local = new Uint8Array(30);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    fields(l, 6);
    const entry = new Uint8Array(46);
    const e = new DataView(entry.buffer);
    e.setUint32(0, 0x02014b50, true);
    e.setUint16(4, 20, true); // made by: MS-DOS, 2.0
    e.setUint16(6, 20, true);
    fields(e, 8);
    e.setUint32(42, offset, true); // extra, comment, disk, attributes: 0
    chunks.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  if (parts.length > 0xffff) throw new Error("too many zip parts");
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, parts.length, true);
  v.setUint16(10, parts.length, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  const out = new Uint8Array(offset + size + end.length);
  let at = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
