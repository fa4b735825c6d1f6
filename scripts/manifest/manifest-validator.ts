/**
 * Offline validation of the XML add-in manifest (Microsoft's validation service is not reachable
 * from the build machines). It checks what breaks sideloading in practice:
 * well-formed XML, child elements in the order the manifest schema requires, every resid defined
 * (with the right resource type), unique ids, URLs that point at files the build emits, and icons
 * with the right pixel sizes.
 */
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";

export interface ManifestProblem {
  /** Line in the manifest, when known. */
  line?: number;
  message: string;
}

export interface ValidationContext {
  /** The URL prefix the build serves, e.g. "https://localhost:3000/". */
  baseUrl: string;
  /** Whether the build emits this path (relative to the output folder). */
  emits: (relativePath: string) => boolean;
  /** Pixel size of an emitted PNG, or null when it is not a readable PNG. */
  pngSize: (relativePath: string) => { width: number; height: number } | null;
}

/** Child order the manifest schemas require, for the elements this add-in uses. */
const CHILD_ORDER: Record<string, string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "AllowSnapshot",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  VersionOverrides: [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
    "VersionOverrides",
  ],
  "VersionOverrides/Hosts/Host": ["Runtimes", "AllFormFactors", "DesktopFormFactor", "MobileFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  "ExtensionPoint[CustomFunctions]": ["Script", "Page", "Metadata", "Namespace"],
  Group: ["Label", "Icon", "Control"],
  "Control[Button]": ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  "Action[ShowTaskpane]": ["TaskpaneId", "SourceLocation", "Title", "SupportsPinning"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Requirements: ["Sets", "Methods"],
  DefaultSettings: ["SourceLocation", "RequestedWidth", "RequestedHeight"],
};

/** Which resource collection a resid must come from, by the element that references it. */
const RESID_KIND: Record<string, "Images" | "Urls" | "ShortStrings" | "LongStrings" | "ShortOrLong"> = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Namespace: "ShortStrings",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "ShortOrLong",
};

const MAX_LENGTH: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

function children(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as XmlElement);
  return out;
}

function localName(el: XmlElement): string {
  return el.localName ?? el.nodeName.replace(/^.*:/, "");
}

function xsiType(el: XmlElement): string {
  return (
    el.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type") ??
    el.getAttribute("xsi:type") ??
    ""
  );
}

function lineOf(el: XmlElement): number | undefined {
  return (el as unknown as { lineNumber?: number }).lineNumber;
}

function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    out.push(el);
    children(el).forEach(walk);
  };
  walk(root);
  return out;
}

function orderKey(el: XmlElement): string | null {
  const name = localName(el);
  const parent = el.parentNode as XmlElement | null;
  const grand = parent?.parentNode as XmlElement | null;
  if (name === "OfficeApp") return "OfficeApp";
  if (
    name === "Host" &&
    parent &&
    grand &&
    localName(parent) === "Hosts" &&
    localName(grand) === "VersionOverrides"
  )
    return "VersionOverrides/Hosts/Host";
  const typed = `${name}[${xsiType(el)}]`;
  if (CHILD_ORDER[typed]) return typed;
  if (CHILD_ORDER[name] && !["Host"].includes(name)) return name;
  return null;
}

function checkOrder(el: XmlElement, problems: ManifestProblem[]): void {
  const key = orderKey(el);
  if (!key) return;
  const order = CHILD_ORDER[key]!;
  let last = -1;
  let lastName = "";
  for (const child of children(el)) {
    const name = localName(child);
    const index = order.indexOf(name);
    if (index < 0) {
      problems.push({ line: lineOf(child), message: `<${name}> is not allowed inside <${localName(el)}>.` });
      continue;
    }
    if (index < last) {
      problems.push({
        line: lineOf(child),
        message: `<${name}> must come before <${lastName}> inside <${localName(el)}> (schema order: ${order.join(", ")}).`,
      });
    } else {
      last = index;
      lastName = name;
    }
  }
}

function collectUrls(root: XmlElement): { url: string; el: XmlElement; what: string }[] {
  const out: { url: string; el: XmlElement; what: string }[] = [];
  for (const el of allElements(root)) {
    const name = localName(el);
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^https?:\/\//i.test(v)) out.push({ url: v, el, what: `<${name}> ${attr}` });
    }
  }
  return out;
}

export function validateManifest(xml: string, ctx: ValidationContext): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") problems.push({ message: `XML is not well-formed: ${message}` });
      },
    }).parseFromString(xml, "text/xml");
  } catch (error) {
    problems.push({ message: `XML is not well-formed: ${(error as Error).message}` });
    return problems;
  }
  if (problems.length) return problems;
  const root = doc.documentElement as XmlElement | null;
  if (!root || localName(root) !== "OfficeApp") {
    return [{ message: "The root element must be <OfficeApp>." }];
  }
  if (xsiType(root) !== "TaskPaneApp")
    problems.push({ line: lineOf(root), message: `<OfficeApp> must have xsi:type="TaskPaneApp".` });

  const elements = allElements(root);
  for (const el of elements) checkOrder(el, problems);

  // Top-level facts.
  const top = new Map(children(root).map((c) => [localName(c), c]));
  for (const required of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "Hosts",
    "DefaultSettings",
    "Permissions",
  ]) {
    if (!top.has(required)) problems.push({ message: `<OfficeApp> is missing <${required}>.` });
  }
  const id = top.get("Id")?.textContent?.trim() ?? "";
  if (top.has("Id") && !GUID.test(id))
    problems.push({ line: lineOf(top.get("Id")!), message: `<Id> must be a GUID, found "${id}".` });
  const version = top.get("Version")?.textContent?.trim() ?? "";
  if (top.has("Version") && !VERSION.test(version))
    problems.push({
      line: lineOf(top.get("Version")!),
      message: `<Version> must look like 1.0.0.0, found "${version}".`,
    });
  const permissions = top.get("Permissions")?.textContent?.trim();
  if (permissions !== undefined && permissions !== "ReadWriteDocument")
    problems.push({
      message: `<Permissions> must be ReadWriteDocument (this add-in needs no more), found "${permissions}".`,
    });

  // Resources: unique ids, lengths.
  const resources = new Map<string, { kind: string; el: XmlElement }>();
  for (const el of elements) {
    const parent = el.parentNode as XmlElement | null;
    if (!parent) continue;
    const kind = localName(parent);
    if (!["Images", "Urls", "ShortStrings", "LongStrings"].includes(kind)) continue;
    const rid = el.getAttribute("id") ?? "";
    if (!rid) {
      problems.push({ line: lineOf(el), message: `A resource in <bt:${kind}> has no id.` });
      continue;
    }
    if (resources.has(rid))
      problems.push({ line: lineOf(el), message: `Resource id "${rid}" is defined twice.` });
    resources.set(rid, { kind, el });
    const max = MAX_LENGTH[kind];
    if (max) {
      const texts = [
        el.getAttribute("DefaultValue") ?? "",
        ...children(el).map((o) => o.getAttribute("Value") ?? ""),
      ];
      for (const t of texts)
        if (t.length > max)
          problems.push({
            line: lineOf(el),
            message: `"${rid}" is ${t.length} characters long; <bt:${kind}> allows ${max}.`,
          });
    }
  }

  // Control and group ids unique.
  const controlIds = new Map<string, XmlElement>();
  for (const el of elements) {
    const name = localName(el);
    if (!["Group", "Control", "Tab", "CustomTab"].includes(name)) continue;
    const cid = el.getAttribute("id") ?? "";
    if (!cid) problems.push({ line: lineOf(el), message: `<${name}> has no id.` });
    else if (controlIds.has(cid))
      problems.push({ line: lineOf(el), message: `The id "${cid}" is used twice.` });
    else controlIds.set(cid, el);
  }

  // Every resid defined, of the right kind.
  for (const el of elements) {
    const resid = el.getAttribute("resid");
    if (resid === null || resid === "") continue;
    const def = resources.get(resid);
    const name = localName(el);
    if (!def) {
      problems.push({
        line: lineOf(el),
        message: `<${name} resid="${resid}"> refers to a resource that is not defined in <Resources>.`,
      });
      continue;
    }
    const want = RESID_KIND[name];
    const ok =
      !want ||
      (want === "ShortOrLong"
        ? def.kind === "ShortStrings" || def.kind === "LongStrings"
        : def.kind === want);
    if (!ok)
      problems.push({
        line: lineOf(el),
        message: `<${name} resid="${resid}"> must refer to a <bt:${want}> entry, not <bt:${def.kind}>.`,
      });
    if (resid.length > 32)
      problems.push({ line: lineOf(el), message: `resid "${resid}" is longer than 32 characters.` });
  }

  // URLs: https, served by the build, icons the right size.
  const base = ctx.baseUrl.endsWith("/") ? ctx.baseUrl : `${ctx.baseUrl}/`;
  for (const { url, el, what } of collectUrls(root)) {
    if (!url.startsWith("https://")) {
      problems.push({ line: lineOf(el), message: `${what} must be an https URL: ${url}` });
      continue;
    }
    if (!url.startsWith(base)) continue;
    const relative = decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, ""));
    if (!ctx.emits(relative)) {
      problems.push({
        line: lineOf(el),
        message: `${what} points at ${relative}, which the build does not emit.`,
      });
      continue;
    }
    const wanted = expectedIconSize(el);
    if (wanted !== null) {
      const size = ctx.pngSize(relative);
      if (!size) problems.push({ line: lineOf(el), message: `${relative} is not a readable PNG image.` });
      else if (size.width !== wanted || size.height !== wanted)
        problems.push({
          line: lineOf(el),
          message: `${relative} is ${size.width}×${size.height} px; ${what} needs ${wanted}×${wanted}.`,
        });
    }
  }

  // Every icon size the ribbon images declare must exist as a resource used with that size.
  for (const el of elements) {
    if (localName(el) !== "Image" || !el.getAttribute("resid")) continue;
    const size = Number(el.getAttribute("size"));
    const def = resources.get(el.getAttribute("resid")!);
    const src = def?.el.getAttribute("DefaultValue") ?? "";
    if (def && src.startsWith(base)) {
      const png = ctx.pngSize(decodeURIComponent(src.slice(base.length)));
      if (png && (png.width !== size || png.height !== size))
        problems.push({
          line: lineOf(el),
          message: `Icon "${def.el.getAttribute("id")}" is ${png.width}×${png.height} px but is used as size ${size}.`,
        });
    }
  }
  return problems;
}

function expectedIconSize(el: XmlElement): number | null {
  const name = localName(el);
  if (name === "IconUrl") return 32;
  if (name === "HighResolutionIconUrl") return 64;
  return null;
}

/** Reads a PNG's pixel size from its IHDR chunk. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.slice(12, 16)) !== "IHDR") return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
