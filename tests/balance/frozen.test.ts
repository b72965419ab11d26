import { checkTargets } from './targets';

// Fairness between the sides is not a target here: in 2025 Russia holds every card (docs/balance.md).
checkTargets('frozen-2025', { noTrivialNearBest: ['japan', 'russia'], skillOverRandom: ['japan', 'russia'], fair: false, skilledBest: ['japan', 'russia'] });
