// Adds the English of matches across devices to the catalogue when their code loads.
import { installLang } from '../i18n/t';
import { enNet } from '../i18n/en-net';

installLang('en', { catalogue: enNet });
