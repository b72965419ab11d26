// Adds the English of the classroom's tools to the catalogue when their code loads.
import { installLang } from '../i18n/t';
import { enClass } from '../i18n/en-class';

installLang('en', { catalogue: enClass });
