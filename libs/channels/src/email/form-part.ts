/** One field or file of a form body, bytes as received: the charset is decided by the reader. */
export interface FormPart {
  name: string;
  value: Buffer;
  /** Set for file parts (multipart with a filename). */
  filename: string | null;
  /** The part's own Content-Type, if it had one. */
  contentType: string | null;
}
