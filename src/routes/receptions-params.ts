// What the reception routes share beyond the schemas in src/schemas/receptions.ts: the path
// parameter and the documented 409 of the rules.
import { z } from '@hono/zod-openapi';

export const ReceptionIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: '3f0c…' }),
});

export const VIOLATIONS_DESCRIPTION =
  'RECEPTION_STANDARD_VIOLATED {violations:[{code, …}]}: every broken rule at once — OFFICIAL_LETTER_REQUIRED, ' +
  'ACCOMPANY_LIMIT_EXCEEDED {limit, requested}, MEAL_STANDARD_EXCEEDED {limit, requested}, ' +
  'LODGING_STANDARD_EXCEEDED {rank, limit, requested} (one per offending line), GIFTS_FORBIDDEN {requested}';
