// Reads a multipart/form-data body as it streams in, without holding a file in memory: each file
// part's bytes go to a sink chunk by chunk (awaited, so a slow disk slows the reading rather than
// piling chunks up), small text fields are collected. The parsing is multipasta's; it runs on
// Node and on Workers alike.
import * as Multipasta from 'multipasta';

export interface FilePartInfo {
  /** The form field's name. */
  field: string;
  /** The file name as the client sent it, unchanged: never use it as a path. */
  filename: string;
  /** What the client said the type is: recorded nowhere, trusted for nothing. */
  declaredType: string;
}

export interface FilePartSink {
  write(chunk: Uint8Array): Promise<void>;
}

export type MultipartProblem = 'not-multipart' | 'malformed' | 'too-many-parts' | 'field-too-large';

/** The body is not a well-formed multipart form within the limits. */
export class MultipartRefusal extends Error {
  constructor(readonly problem: MultipartProblem) {
    super(`multipart body refused: ${problem}`);
    this.name = 'MultipartRefusal';
  }
}

export interface ReadMultipartOptions {
  body: ReadableStream<Uint8Array> | null;
  contentType: string;
  maxParts: number;
  maxFieldBytes: number;
  /**
   * A file part begins: given the text fields read before it, say where its bytes go. Throwing
   * refuses the request before any of the file is read (e.g. a form token that had to come first).
   */
  onFile: (info: FilePartInfo, fieldsBefore: Readonly<Record<string, string>>) => FilePartSink;
}

const MULTIPART_FORM = /^multipart\/form-data\s*;/i;

/** The text fields of the form (the first value of a repeated name); files went to their sinks. */
export async function readMultipart(options: ReadMultipartOptions): Promise<Record<string, string>> {
  if (!MULTIPART_FORM.test(options.contentType) || !options.body) throw new MultipartRefusal('not-multipart');
  const fields: Record<string, string> = {};
  const queued: { sink: FilePartSink; chunk: Uint8Array }[] = [];
  let failure: unknown;
  let finished = false;
  const fail = (error: unknown) => {
    failure ??= error;
  };

  const parser = Multipasta.make({
    headers: { 'content-type': options.contentType },
    maxParts: options.maxParts,
    maxFieldSize: options.maxFieldBytes,
    isFile: (info) => dispositionOf(info).filename !== undefined,
    onField(info, value) {
      const { name } = dispositionOf(info);
      try {
        fields[name] ??= new TextDecoder('utf-8', { fatal: true }).decode(value);
      } catch {
        fail(new MultipartRefusal('malformed'));
      }
    },
    onFile(info) {
      const { name, filename = '' } = dispositionOf(info);
      let sink: FilePartSink | undefined;
      try {
        if (failure === undefined) sink = options.onFile({ field: name, filename, declaredType: info.contentType }, { ...fields });
      } catch (error) {
        fail(error);
      }
      return (chunk) => {
        if (chunk && sink && failure === undefined) queued.push({ sink, chunk });
      };
    },
    onError(error) {
      const limit = error._tag === 'ReachedLimit' ? error.limit : undefined;
      fail(new MultipartRefusal(limit === 'MaxParts' ? 'too-many-parts' : limit === 'MaxFieldSize' ? 'field-too-large' : 'malformed'));
    },
    onDone() {
      finished = true;
    },
  });

  const reader = options.body.getReader();
  // Three sources of failure, told apart: the client's stream (gone, broken), the parser (a
  // malformed body: multipasta itself throws on e.g. a broken `filename*` escape) and the sinks
  // (their own refusals, e.g. a file over its limit), which pass through as they are.
  const parse = (step: () => void) => {
    try {
      step();
    } catch {
      fail(new MultipartRefusal('malformed'));
    }
  };
  while (failure === undefined) {
    const read = await reader.read().catch(() => {
      fail(new MultipartRefusal('malformed'));
      return undefined;
    });
    if (!read) break;
    if (read.done) {
      parse(() => parser.end());
      break;
    }
    parse(() => parser.write(read.value));
    // The parser hands file bytes over synchronously; write them out before reading on.
    for (const { sink, chunk } of queued.splice(0)) {
      if (failure !== undefined) break;
      await sink.write(chunk).catch(fail);
    }
  }
  if (failure !== undefined) {
    // Stop reading: the rest of the body is left unread (the server drains or closes it).
    await reader.cancel().catch(() => undefined);
    throw failure;
  }
  if (!finished) throw new MultipartRefusal('malformed');
  return fields;
}

/**
 * The part's name and file name, read from its Content-Disposition header here because
 * multipasta's own parameter parsing takes Latin-1 only: browsers send a UTF-8 file name
 * (公函.pdf) as raw bytes, and multipasta would lose both the name and the file name.
 */
function dispositionOf(info: Multipasta.PartInfo): { name: string; filename?: string } {
  const raw = info.headers['content-disposition'];
  const header = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const params: Record<string, string> = {};
  for (const match of header.matchAll(/;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const key = match[1]!.toLowerCase();
    let value = match[2]!.trim();
    // Backslashes stay: browsers never escape with them (they send `"` as %22, HTML §4.10.21.8),
    // and an old Windows client's "C:\fakepath\公函.pdf" must keep its separators to be seen.
    if (value.startsWith('"')) value = value.slice(1, -1);
    params[key] ??= value;
  }
  let filename = params.filename;
  // RFC 7578 §4.2 allows the RFC 5987 form too: filename*=UTF-8''%E5%85%AC%E5%87%BD.pdf
  const extended = params['filename*'] ? /^utf-8''(.*)$/i.exec(params['filename*']) : null;
  if (extended) {
    try {
      filename = decodeURIComponent(extended[1]!);
    } catch {
      // A broken escape: keep the plain `filename`, if any.
    }
  }
  return { name: params.name ?? '', filename };
}
