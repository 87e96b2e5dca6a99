import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A bare node:http server for the intake's step servers (stage.ts, minimal.ts): reads each
 * request's body whole, then calls `handle` with its bytes and a `get` over its headers (the
 * shape src/intake/signature.ts takes).
 */
export function deliveryServer(
  handle: (body: Buffer, headers: Pick<Headers, 'get'>, res: ServerResponse, req: IncomingMessage) => void,
) {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      handle(body, { get: (name: string) => (req.headers[name] as string | undefined) ?? null }, res, req);
    });
  });
}
