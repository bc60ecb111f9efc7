/**
 * A scripted HTTP endpoint on 127.0.0.1 for unit tests of the AWS backend: it records each request
 * and answers with what the test's handler returns (restJson bodies, errors, throttling).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface FakeRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeAws {
  readonly endpoint: string;
  readonly requests: FakeRequest[];
  handler: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;
  close(): Promise<void>;
}

/** The restJson error Batch sends: both the header and `__type`, as AWS and moto do. */
export function batchError(name: string, message: string, status = 400): FakeResponse {
  return { status, headers: { 'x-amzn-ErrorType': name }, body: { __type: name, message } };
}

export async function startFakeAws(handler: FakeAws['handler'] = () => ({ body: {} })): Promise<FakeAws> {
  const requests: FakeRequest[] = [];
  const fake: FakeAws = {
    endpoint: '',
    requests,
    handler,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const recorded: FakeRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const out = await fake.handler(recorded);
      const body = out.body === undefined ? '' : typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
      res.writeHead(out.status ?? 200, { 'content-type': 'application/json', 'x-amzn-RequestId': `req-${requests.length}`, ...out.headers });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  (fake as { endpoint: string }).endpoint = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return fake;
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof addr === 'object' && addr ? addr.port : 1;
}
