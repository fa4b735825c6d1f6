/**
 * The CLI's threads (main and workers) read package parts with Node's zlib instead of JSZip's
 * JavaScript inflate (see xlsx/zip-text.ts). Imported for its effect by each entry point.
 */
import { useNativeInflate } from "../xlsx/zip-text";
import { inflateRawNative } from "../xlsx/zip-writer";

useNativeInflate(inflateRawNative);
