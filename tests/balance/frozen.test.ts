import { checkTargets } from './targets';

// Not yet met for Japan here (see docs/balance.md): with the dialogue frozen only humanitarian access
// can be offered at first, and conceding everything comes within a point or two of skilled play.
checkTargets('frozen-2025', { noTrivialNearBest: ['russia'], skillOverRandom: ['russia'], fair: false, skilledBest: ['russia'] });
