/** Builds multipart/form-data bodies for `inject`, with the platform's own encoder. */

/** A file part: its name and content. */
export interface FilePart {
  readonly name: string;
  readonly content: string | Buffer;
}

/**
 * @returns The body and the content-type header (with its boundary) for `app.inject`.
 */
export async function multipartBody(
  fields: Readonly<Record<string, string>>,
  file?: FilePart,
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, value);
  }
  if (file !== undefined) {
    const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    form.append('file', new Blob([new Uint8Array(bytes)]), file.name);
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  };
}
