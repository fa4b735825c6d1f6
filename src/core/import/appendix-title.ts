/**
 * A line that opens an appendix's title ("Phụ lục II", "PHỤ LỤC", "Phu luc 2"): every reader takes
 * the title of a table from it and ends the table before the next one.
 */
const APPENDIX_TITLE = /^ph[uụ]\s*l[uụ]c\b/iu;

export function isAppendixTitle(text: string): boolean {
  return APPENDIX_TITLE.test(text);
}
