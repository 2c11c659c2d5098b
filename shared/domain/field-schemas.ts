import * as z from 'zod';
import { locales } from '#shared/domain/locale.ts';

// The fields offers, hire requests and HR's changes share, checked the same way in each, without loading the
// schemas of the requests that hold them.

const name = z.string().trim().min(1, 'required').max(100, 'at most 100 characters');
const email = z.email('must be an email address').max(254);

export const personSchema = z.object({
  name,
  email,
  locale: z.enum(locales).default('ja'),
});
export type Person = z.infer<typeof personSchema>;

export const isoDate = z.iso.date('must be a date like 2027-04-01');
// The test luxon's IANAZone.isValidZone makes, written out so that validating an offer does not load luxon.
const isTimeZone = (zone: string): boolean => {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
    return true;
  } catch {
    return false;
  }
};

export const timezoneSchema = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone like Asia/Tokyo')
  .default('Asia/Tokyo');

export const journeyKeySchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only');
