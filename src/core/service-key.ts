/**
 * How the extension names a service everywhere it stores or sends one (settings, the journey, the export
 * file, messages): a catalogue id ("google-photos") or, for a site the person added, its host
 * ("photos.example.net"). One schema, so that what one part accepts the others accept too.
 */
import * as z from 'zod/mini';

export const serviceKeySchema = z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/));
