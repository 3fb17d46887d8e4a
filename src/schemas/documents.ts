// Documents of visits and receptions and the year's archive (docs/API.md, "Documents and the
// archive"): the shapes the API answers with and the one field an upload carries besides the file.
import { z } from 'zod';
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, MAX_DOCUMENT_BYTES } from '../domain/documents.js';
import { PageQueryShape, pageSchema } from './paging.js';

export const DocumentKindSchema = z
  .enum(DOCUMENT_KINDS)
  .meta({ description: 'official_letter: the scan of the official letter (公函扫描件); other: anything else' });

export const DocumentIdSchema = z.string().min(1).max(64);

export const DocumentSchema = z
  .object({
    id: z.string(),
    recordType: z.enum(['visit', 'reception']),
    recordId: z.string(),
    kind: DocumentKindSchema,
    filename: z.string().meta({ description: 'As uploaded, with control characters removed and "/" or "\\" replaced by "_"' }),
    contentType: z.enum(Object.values(DOCUMENT_FORMATS) as [string, ...string[]]).meta({ description: 'Told from the bytes' }),
    size: z.number().int().meta({ description: 'Bytes' }),
    sha256: z.string().meta({ description: 'SHA-256 of the bytes, lower-case hex' }),
    uploadedAt: z.string().meta({ description: 'ISO-8601 UTC' }),
    uploadedBy: z.string().meta({ description: "The uploader's account id" }),
    uploadedByName: z.string().nullable().meta({ description: "The uploader's display name or e-mail (lists only; null elsewhere)" }),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: 'Document' });

export const DocumentPageSchema = pageSchema(DocumentSchema).meta({ id: 'DocumentPage' });

export const DocumentListQuery = z.object(PageQueryShape);

/**
 * The upload form as OpenAPI describes it. Written as a plain schema object, not zod: the route
 * reads the multipart body as a stream (services/document-upload.ts), and a zod schema here would
 * make the OpenAPI layer parse the whole body into memory first.
 */
export const UPLOAD_BODY_DOC = {
  type: 'object' as const,
  required: ['file', 'kind'],
  properties: {
    file: {
      type: 'string' as const,
      format: 'binary',
      description: `PDF, PNG, JPEG or OFD (a ZIP package holding OFD.xml), at most ${MAX_DOCUMENT_BYTES} bytes; told by its bytes, not its name or declared type`,
    },
    kind: { type: 'string' as const, enum: [...DOCUMENT_KINDS] as string[] },
  },
};
