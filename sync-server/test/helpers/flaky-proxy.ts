import net from 'node:net';

/**
 * A loopback TCP proxy that keeps cutting connections: every `cutEveryMs` it destroys all open connections
 * (mid-request or mid-response). The target can change (a restarted server on another port).
 */
export async function flakyProxy(target: { port: number }, cutEveryMs: number) {
  const sockets = new Set<net.Socket>();
  let cuts = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const timer = setInterval(() => {
    if (sockets.size > 0) cuts += 1;
    for (const s of sockets) s.destroy();
    sockets.clear();
  }, cutEveryMs);
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get cuts() {
      return cuts;
    },
    async close() {
      clearInterval(timer);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
