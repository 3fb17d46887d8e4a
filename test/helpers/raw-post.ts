// A POST over node:http for tests that send bodies fetch cannot (chunked, broken bytes) or that
// need the answer to a request the server cut short.
import { request as httpRequest } from 'node:http';

/**
 * POST over node:http, which (unlike fetch) still reports the answer when the server answers
 * early, as it does with 413. An array body is sent chunked, without a content-length.
 */
export function rawPost(
  url: string,
  headers: Record<string, string>,
  body: string | Uint8Array | string[],
): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: after a 413 the server may close the one it answered on.
    const req = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: Array.isArray(body) ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: text }));
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (Array.isArray(body)) {
      for (const chunk of body) req.write(chunk);
      req.end();
    } else {
      req.end(body);
    }
  });
}
