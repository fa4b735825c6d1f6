/**
 * Print setup shared by both renderers: A4, margins, and the page number in the footer
 * ("Trang 2/5"). Sheets fit their print area to the page width and repeat their header row.
 */

/**
 * Points of page width per column width unit: Excel's unit is a character of the default 11-point
 * font (7 pixels, 5.25 points) plus padding. Office.js sets column widths in points with it, and
 * the page-break estimate scales a sheet to the page with it (leaning wide, rows come out smaller
 * than printed rather than larger).
 */
export const POINTS_PER_CHARACTER = 5.6;

/** Sheet margins in inches (exceljs and the .xlsx file use inches). */
export const PAGE_MARGINS_INCHES = { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** The same in points, for Office.js (1 inch = 72 points). */
export const PAGE_MARGINS_POINTS = Object.fromEntries(
  Object.entries(PAGE_MARGINS_INCHES).map(([k, v]) => [k, Math.round(v * 72)]),
) as Record<keyof typeof PAGE_MARGINS_INCHES, number>;

/** The page number text (&P page, &N pages), centred in the footer. */
export const PAGE_NUMBER_TEXT = "Trang &P/&N";
/** The same as an .xlsx footer, whose &C opens the centre section. */
export const PAGE_NUMBER_FOOTER = `&C${PAGE_NUMBER_TEXT}`;
