// Text fields as people type them. Control characters are refused, not stored: a NUL ends the
// text in some clients and databases ("\u0000" stored as "" passed the required-name rule), and
// the others are invisible or break CSV and e-mail lines. Tab and newline are allowed only where
// a field has several lines; a browser sends a textarea's line breaks as CRLF, read here as one
// newline. A required value must show something: zero-width spaces or BOMs alone do not count.
import { z } from 'zod';

// Control characters (\p{Cc}: the C0 set, DEL and the C1 set); multi-line fields allow tab and
// newline among them.
const SINGLE_LINE_FORBIDDEN = /\p{Cc}/u;
const MULTI_LINE_FORBIDDEN = /[^\P{Cc}\t\n]/u;
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}]*$/u;

const CONTROL_MESSAGE = 'must not contain control characters';
const MULTI_LINE_CONTROL_MESSAGE = 'must not contain control characters other than tab and line breaks';
const INVISIBLE_MESSAGE = 'must contain visible characters';

interface TextOptions {
  /** Longest accepted value, in characters, after trimming. */
  max: number;
}

/** True when the text shows nothing: only spaces, zero-width and other invisible characters. */
export function isInvisible(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}

/** A required one-line text: trimmed, visible, no control characters. */
export function requiredText(options: TextOptions) {
  return z
    .string()
    .trim()
    .min(1)
    .max(options.max)
    .refine((value) => !SINGLE_LINE_FORBIDDEN.test(value), CONTROL_MESSAGE)
    .refine((value) => !isInvisible(value), INVISIBLE_MESSAGE);
}

/** An optional one-line text: trimmed, no control characters; empty or invisible becomes null. */
export function optionalText(options: TextOptions) {
  return z
    .string()
    .trim()
    .max(options.max)
    .refine((value) => !SINGLE_LINE_FORBIDDEN.test(value), CONTROL_MESSAGE)
    .transform((value) => (isInvisible(value) ? null : value))
    .nullish();
}

const normaliseLineBreaks = (value: string) => value.replace(/\r\n?/g, '\n');

/** A required text of several lines: tab and newlines allowed, other controls refused. */
export function requiredMultilineText(options: TextOptions) {
  return z
    .string()
    .transform(normaliseLineBreaks)
    .pipe(
      z
        .string()
        .trim()
        .min(1)
        .max(options.max)
        .refine((value) => !MULTI_LINE_FORBIDDEN.test(value), MULTI_LINE_CONTROL_MESSAGE)
        .refine((value) => !isInvisible(value), INVISIBLE_MESSAGE),
    )
    .meta(lengthBounds(1, options.max));
}

// A transform before the checks hides their bounds from the OpenAPI document (it describes the
// input side of a pipe), so multi-line fields state them themselves.
function lengthBounds(minLength: number, maxLength: number) {
  return minLength > 0 ? { minLength, maxLength } : { maxLength };
}

/** An optional text of several lines; empty or invisible becomes null. */
export function optionalMultilineText(options: TextOptions) {
  return z
    .string()
    .transform(normaliseLineBreaks)
    .pipe(
      z
        .string()
        .trim()
        .max(options.max)
        .refine((value) => !MULTI_LINE_FORBIDDEN.test(value), MULTI_LINE_CONTROL_MESSAGE)
        .transform((value) => (isInvisible(value) ? null : value)),
    )
    .meta(lengthBounds(0, options.max))
    .nullish();
}
