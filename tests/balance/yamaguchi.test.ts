import { checkTargets } from './targets';

checkTargets('yamaguchi-2016', { noTrivialNearBest: ['japan', 'russia'], skillOverRandom: ['japan', 'russia'], fair: true, skilledBest: ['japan', 'russia'] });
