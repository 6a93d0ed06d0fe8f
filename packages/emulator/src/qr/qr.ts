/**
 * @module
 * QR codes as PNG (e.g. an LPA activation string in an emailed QR image).
 */

/** qrcode and its PNG encoder load with the first QR code, not with the engine: serving starts sooner. */
let qrcode: Promise<typeof import('qrcode')> | undefined;

/** PNG bytes of a QR code for `text` (error correction M, 4-module margin, 8 px per module). */
export async function renderQrPng(text: string): Promise<Uint8Array<ArrayBuffer>> {
  qrcode ??= import('qrcode');
  const { toBuffer } = await qrcode;
  const buffer = await toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  return new Uint8Array(buffer);
}

/**
 * An `image/png` response for a route.
 * @example
 * app.get('/qr/:id.png', async (c) => qrPngResponse(lookupLpa(c.req.param('id'))));
 */
export async function qrPngResponse(text: string): Promise<Response> {
  const png = await renderQrPng(text);
  return new Response(png, {
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.byteLength),
      'cache-control': 'no-store',
    },
  });
}
