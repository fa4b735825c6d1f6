/** A file or text that cannot be read as a plan: the message for the clerk, in Vietnamese and English. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
