// Everything the classroom scenes need, in one chunk loaded on first use (see scenes.ts).
import './texts';
import { ClassView } from '../scenes/ClassView';
import { ChanceLab } from '../scenes/ChanceLab';
import { LinkBuilder } from '../scenes/LinkBuilder';
import { TeacherGuide } from '../scenes/TeacherGuide';

export const CLASSROOM_SCENES = { ClassView, ChanceLab, LinkBuilder, TeacherGuide };
