/**
 * Saving what a page shows as a file: a text (CSV, SVG) or an SVG turned into a PNG through a
 * canvas. Browser only.
 */

/** A file name from words: letters, digits and dashes, e.g. `anc4-coverage-bo-district-spc`. */
export function fileStem(...words: readonly string[]): string {
  return (
    words
      .join(' ')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'chart'
  );
}

/** Offers `blob` as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers text as a download (`type` e.g. `text/csv;charset=utf-8`). */
export function downloadText(text: string, type: string, name: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/**
 * Draws an SVG document on a white canvas at `scale` times its size and offers it as a PNG.
 * Rejects when the browser cannot draw it.
 */
export async function downloadSvgAsPng(
  svg: string,
  size: { readonly width: number; readonly height: number },
  name: string,
  scale = 2,
): Promise<void> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.width = size.width;
    image.height = size.height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.width * scale);
    canvas.height = Math.round(size.height * scale);
    const context = canvas.getContext('2d');
    if (context === null) {
      throw new Error('This browser cannot draw images');
    }
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('No PNG'))), 'image/png'),
    );
    downloadBlob(png, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}
