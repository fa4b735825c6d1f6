/**
 * What an .xlsx from outside is, from its name and first bytes, before it is opened: the old binary
 * .xls, a macro-enabled .xlsm, a password-protected file (an encrypted OOXML file is an OLE
 * container, not a zip), or not a zip at all; each refused by name in Vietnamese and English.
 */
/**
 * An OLE compound file: how an encrypted (password-protected) .xlsx or .docx is stored, and the old
 * binary .xls / .doc.
 */
export function isOleContainer(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export function xlsxBytesProblem(name: string, bytes: Uint8Array): { vi: string; en: string } | null {
  const ext = /\.[^.]+$/.exec(name)?.[0]?.toLowerCase() ?? "";
  if (ext === ".xls")
    return {
      vi: `Tệp ${name} là định dạng Excel cũ (.xls): hãy mở bằng Excel và lưu lại thành .xlsx.`,
      en: `${name} is an old .xls file: save it as .xlsx.`,
    };
  if (ext === ".ods" || ext === ".ots")
    return {
      vi: `Tệp ${name} là bảng tính LibreOffice (.ods): hãy mở bằng LibreOffice Calc, chọn Tệp → Lưu thành, kiểu "Excel 2007-365 (.xlsx)", rồi gửi tệp .xlsx.`,
      en: `${name} is a LibreOffice spreadsheet (.ods): open it in LibreOffice Calc, File → Save As, type "Excel 2007-365 (.xlsx)", and send the .xlsx.`,
    };
  if (ext === ".xlsm")
    return {
      vi: `Tệp ${name} có macro (.xlsm): phần bổ trợ không mở tệp có macro; hãy lưu lại thành .xlsx.`,
      en: `${name} is macro-enabled (.xlsm): save it as .xlsx.`,
    };
  if (isOleContainer(bytes))
    return {
      vi: `Tệp ${name} được đặt mật khẩu (hoặc là tệp Excel cũ): hãy bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) và gửi lại.`,
      en: `${name} is password-protected (or an old Excel file): remove the password and send it again.`,
    };
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return {
      vi: `Tệp ${name} không phải tệp Excel .xlsx (hoặc đã hỏng).`,
      en: `${name} is not an .xlsx file (or is damaged).`,
    };
  return null;
}
