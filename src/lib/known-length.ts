// A streamed body whose length is known before its first byte (a document, the year's archive).
// Node sends the Content-Length header as given; workerd sends a plain ReadableStream chunked
// and drops the header unless the stream is its FixedLengthStream, so there the body goes
// through one (which also fails the response if the bytes do not add up).

interface FixedLengthStreamConstructor {
  new (length: number): TransformStream<Uint8Array, Uint8Array>;
}

export function withKnownLength(body: ReadableStream<Uint8Array>, length: number): ReadableStream<Uint8Array> {
  const Fixed = (globalThis as { FixedLengthStream?: FixedLengthStreamConstructor }).FixedLengthStream;
  if (!Fixed) return body;
  const fixed = new Fixed(length);
  // Errors surface on the readable side, where the runtime reads the response.
  body.pipeTo(fixed.writable).catch(() => undefined);
  return fixed.readable;
}
