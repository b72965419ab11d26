// The simulation's public surface for src/ui and src/cli (see api.md).
import { TUNING } from './tuning';
export { GameSession, type ActResult, type PlaySession, type SessionOptions } from './session';
export { legalMoves, offerProblem, pendingSide, type LegalMoves, type PhaseName } from './legal';
export { chooser, enumerateActions, everyPackage, pickPackage } from './enumerate';
export {
  toReplay,
  verifyReplay,
  readReplay,
  replayPrefix,
  configOf,
  replaySchema,
  REPLAY_FORMAT,
  REPLAY_VERSION,
  REPLAY_MAX_BYTES,
  REPLAY_LIMITS,
  replayText,
  type ReplayFile,
  type VerifyResult,
} from './replay';
export { normaliseSeed, checkStoredSeed, seedProblemText, seedLength, SEED_MAX, type SeedCheck, type SeedProblem } from './seed';
export { scoreOf, type SideScore } from './scoring';
export { playComputerGame, computerConfig, summarise, spreadOf, type GameSummary, type BatchSpread, type PlayOptions } from './batch';
export { runTournament, tournamentSeeds, type PolicyResult } from './tournament';
export { TRIVIAL } from './policies';
export { ledgerFor, ledgerRange, factionOfVar, islandRows, packageValue, worthBreakdown, type IslandRow, type WorthBreakdown } from './selectors';
export { backingOf, blockingFaction, blockLineOf, factionById, factionLean, factionRules, meetsDemand, workableFactions } from './factions';
export { chooseWork } from './counterpart/strategy';
/** Above this reliance on Beijing, Tokyo reads Russia–China ties as a threat (where a scenario sets one). */
export const CHINA_THREAT_ABOVE: number = TUNING.china.threatAbove;
export { stateHash, stateText, canonicalJson, sha256Hex } from './hash';
export { scenarioHash } from './scenarioHash';
export { availableOptions, blockedOptions, classify, coherent, landShare, STATUS_QUO, BLOCK_REASONS, type BlockReason, type PackageProblem } from './packages';
export { ratificationOdds, WHIP } from './rules/ratification';
export { termsOf } from './conditions';
export * from './types';
export type { Package, Side, IssueId, VarId, Ending, Tone, Sequencing, IslandId, IslandStatus } from '../scenario/vocabulary';
export { visibleLength, SIMULTANEOUS } from './visibility';
