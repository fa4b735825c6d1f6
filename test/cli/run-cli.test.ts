import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { PRODUCT } from "../../src/core/product";

// Real engines and compiled CLIs: their time depends on the machine, so no test is timed here
// (speed is measured by `npm run bench`); five minutes only stops a hung engine.
jest.setTimeout(300_000);

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("headless CLI", () => {
  it("prints help in Vietnamese and English with exit 0", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      const r = await cli(flag);
      expect(r.code).toBe(0);
      expect(r.out).toContain("Cách dùng / Usage");
      expect(r.err).toBe("");
    }
  });

  it("prints the version", async () => {
    expect(await cli("version")).toEqual({ code: 0, out: `${PRODUCT.version}\n`, err: "" });
  });

  it("refuses an unknown command with exit 2 and names it", async () => {
    const r = await cli("parsee", "x.txt");
    expect(r.code).toBe(2);
    expect(r.err).toContain('"parsee"');
    expect(r.out).toBe("");
  });

  it("refuses a missing command and stray arguments with exit 2", async () => {
    expect((await cli()).code).toBe(2);
    const r = await cli("version", "--json");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--json");
  });

  it("exits with the same codes as a process", () => {
    const root = join(__dirname, "../..");
    const tsx = join(root, "node_modules/.bin/tsx");
    const ok = spawnSync(tsx, ["src/cli/main.ts", "version"], { cwd: root, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe(PRODUCT.version);
    const bad = spawnSync(tsx, ["src/cli/main.ts", "nope"], { cwd: root, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Lệnh không hợp lệ");
  });
});

describe("errors no reader turned into a message", () => {
  it("are said in words in Vietnamese and English, the library's text kept only as a detail", async () => {
    const { unexpected } = await import("../../src/cli/run-cli");
    const err = (code: string) => Object.assign(new Error(`${code}: raw`), { code, path: "/tmp/so.xlsx" });
    expect(unexpected(err("ENOENT"))).toMatch(
      /^Không tìm thấy tệp hoặc thư mục \(\/tmp\/so.xlsx\)\. \/ File or folder not found/,
    );
    expect(unexpected(err("EACCES"))).toContain("Không có quyền đọc hoặc ghi");
    expect(unexpected(err("ENOSPC"))).toContain("Ổ đĩa đã đầy");
    expect(unexpected(err("EBUSY"))).toContain("đang được chương trình khác mở");
    for (const code of ["ENOENT", "EACCES", "ENOSPC", "EBUSY"])
      expect(unexpected(err(code))).not.toContain("raw");
    expect(unexpected(new Error("boom"))).toMatch(/không tệp nào bị thay đổi[\s\S]*no file was changed/);
  });
});
