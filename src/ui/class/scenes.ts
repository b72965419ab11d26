// The classroom scenes, registered in one place (src/ui/config.ts spreads this list).
import { ClassView } from '../scenes/ClassView';
import { ChanceLab } from '../scenes/ChanceLab';
import { LinkBuilder } from '../scenes/LinkBuilder';
import { TeacherGuide } from '../scenes/TeacherGuide';

export const CLASSROOM_SCENES = [ClassView, ChanceLab, LinkBuilder, TeacherGuide];
