// Every English text a catalogue translates: the interface's (en.ts, en-net.ts, en-class.ts) and the file
// checks' (src/scenario/messages.ts, under `problem.`), for the loader and `npm run i18n`.
import { en } from './en';
import { enNet } from './en-net';
import { enClass } from './en-class';
import { PROBLEM_TEXTS } from '../../scenario/messages';

export const problemEnglish: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(PROBLEM_TEXTS).map(([k, v]) => [`problem.${k}`, v]));

export const allEnglish: Readonly<Record<string, string>> = { ...en, ...enNet, ...enClass, ...problemEnglish };
