// A file's problem as the page shows it: the file, where in it, and what was expected,
// in the language on screen (the command line prints the same in English).
import type { Problem } from '../../scenario/problems';
import { problemText } from '../i18n/t';

/** What was wrong, without the file's name. */
export const problemBody = (p: Problem): string => `${p.path === '' ? '' : `${p.path}: `}${p.msg ? problemText(p.msg) : p.message}`;

/** "file.json: events[2].window: …" in the language on screen. */
export const problemLine = (p: Problem): string => `${p.file}: ${problemBody(p)}`;
