// Real receivers for the notification tests, on 127.0.0.1 only: an SMTP server (smtp-server, the
// messages parsed with mailparser) and an HTTP server that keeps every webhook call. Both can be
// stopped and started again on the same port, and slowed down, to play an outage or a slow peer.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  /** X-Planner-Event */
  event: string;
  /** X-Planner-Record: visit/<id>, reception/<id>, month/<YYYY-MM> */
  record: string;
}

export interface SmtpReceiver {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Wait this long before accepting each message's data (a slow mail server). */
  delayMs: number;
  /** Messages received but not yet answered. */
  inFlight: number;
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startSmtpReceiver(options: { port?: number; delayMs?: number } = {}): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  const receiver: SmtpReceiver = {
    url: '',
    port: options.port ?? 0,
    mails,
    delayMs: options.delayMs ?? 0,
    inFlight: 0,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          receiver.inFlight++;
          simpleParser(stream)
            .then(async (parsed) => {
              if (receiver.delayMs > 0) await new Promise((r) => setTimeout(r, receiver.delayMs));
              const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) =>
                a.value.map((v) => v.address ?? ''),
              );
              mails.push({
                to,
                subject: parsed.subject ?? '',
                messageId: parsed.messageId ?? '',
                text: parsed.text ?? '',
                event: String(parsed.headers.get('x-planner-event') ?? ''),
                record: String(parsed.headers.get('x-planner-record') ?? ''),
              });
              receiver.inFlight--;
              callback();
            })
            .catch((error: Error) => {
              receiver.inFlight--;
              callback(error);
            });
        },
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(receiver.port, '127.0.0.1', () => resolve());
      });
      receiver.port = (listening.server.address() as AddressInfo).port;
      receiver.url = `smtp://127.0.0.1:${receiver.port}`;
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
  await receiver.start();
  return receiver;
}

export interface ReceivedCall {
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  json: any;
  at: number;
}

export interface HttpReceiver {
  baseUrl: string;
  port: number;
  calls: ReceivedCall[];
  /** The answer to give: status and body (a robot answers 200 {errcode:0}). */
  respond: (call: ReceivedCall) => { status: number; body: string };
  delayMs: number;
  /** Calls received but not yet answered. */
  inFlight: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startHttpReceiver(options: { port?: number } = {}): Promise<HttpReceiver> {
  const calls: ReceivedCall[] = [];
  let server: Server | undefined;
  const receiver: HttpReceiver = {
    baseUrl: '',
    port: options.port ?? 0,
    calls,
    delayMs: 0,
    inFlight: 0,
    respond: () => ({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }),
    async start() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        receiver.inFlight++;
        req.on('end', async () => {
          const url = new URL(req.url ?? '/', 'http://127.0.0.1');
          const body = Buffer.concat(chunks).toString('utf8');
          let json: any;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          const call: ReceivedCall = { path: url.pathname, query: url.searchParams, headers: req.headers, body, json, at: Date.now() };
          if (receiver.delayMs > 0) await new Promise((r) => setTimeout(r, receiver.delayMs));
          calls.push(call);
          receiver.inFlight--;
          const answer = receiver.respond(call);
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
        });
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(receiver.port, '127.0.0.1', () => resolve());
      });
      receiver.port = (listening.address() as AddressInfo).port;
      receiver.baseUrl = `http://127.0.0.1:${receiver.port}`;
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (closing) {
        closing.closeAllConnections();
        await new Promise<void>((resolve) => closing.close(() => resolve()));
      }
    },
  };
  await receiver.start();
  return receiver;
}

/** Polls until `check` holds or the time is up; returns whether it held. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return check();
}
