import { checkTargets } from './targets';

checkTargets('moscow-2019', { noTrivialNearBest: ['japan', 'russia'], skillOverRandom: ['japan', 'russia'], fair: true, skilledBest: ['japan', 'russia'], pacing: { minDecisions: 16, maxRoundOne: 0.1 } });
