/**
 * Browser entry bundled by the browser tests and installed with page.addInitScript, i.e. before any
 * script of the pane runs: it puts the in-memory Excel double behind the Office, Excel and
 * CustomFunctions globals, and exposes the workbook as window.__excelDouble for assertions.
 */
import { createOfficeGlobals } from "../doubles/excel-double";

const globals = createOfficeGlobals();
Object.assign(window, {
  Office: globals.Office,
  Excel: globals.Excel,
  CustomFunctions: globals.CustomFunctions,
  __excelDouble: globals.book,
});
