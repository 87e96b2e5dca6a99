import { createServer, type RequestListener, type Server } from 'node:http';

/** Listens on `hostname:port` (port 0: any free port); rejects when the address is taken. */
export function listen(listener: RequestListener, port: number, hostname: string): Promise<Server> {
  return new Promise((resolveListen, reject) => {
    const httpServer = createServer(listener);
    // Node closes an idle keep-alive connection after 5 s; a client about to reuse it then sees
    // "socket closed" on its POST (Go's client, Gitea's webhook sender, keeps idle connections
    // 90 s and does not retry a POST). A longer idle time makes that race rare.
    httpServer.keepAliveTimeout = 65_000;
    httpServer.headersTimeout = 66_000;
    httpServer.once('error', reject);
    httpServer.listen(port, hostname, () => resolveListen(httpServer));
  });
}
