// Every tuning number of the rules and the computer counterpart, in one
// table, each with its reason. All are the game's design (none is in the
// sources) unless the comment cites one; what a scenario can set (starting
// values, priorities, red lines, events, goals) lives in the scenario files.
// The tournament (`npm run tournament`, docs/balance.md) measures what a
// change here does; fixtures and golden hashes catch an unintended one.

export const TUNING = {
  talks: {
    /** "Territory first" against "normalise first": the leaders meet annoyed, and no treaty text is in reach. */
    clashRapport: -3,
    /** Both ministers prepared the same issue: common ground. */
    commonGroundRapport: 2,
    /** A side that yields on sequencing: its hard-liners call it weakness, the public shrugs... */
    yieldHardliners: 4,
    yieldApproval: -1,
    /** ...and the other side remembers the goodwill (trust). */
    yieldTrust: 3,
  },
  summit: {
    /** Offers and counter-offers a summit allows before someone must accept, stall or walk out. */
    maxOffers: 4,
    /** An agreement warms the leaders and each side's trust. */
    agreementRapport: 4,
    agreementTrust: 3,
    /** A counter that moves the receiver's way by this much worth counts as a concession it remembers (trust)... */
    concessionStep: 4,
    concessionTrust: 2,
    /** ...and an offer worth less than this to the receiver is remembered as a hard one. */
    hardOfferBelow: 30,
    hardOfferTrust: -2,
    /** Ending a summit after offers were exchanged: a small cost to rapport and to the other side's trust. */
    stallRapport: -1,
    stallTrust: -1,
    /** A walk-out: rapport and the other side's trust fall hard, and the leaders leave the next round to their ministers. */
    walkOutRapport: -8,
    walkOutTrust: -8,
    walkOutDialogue: -1,
    /** What agreed terms add to the energy and investment indices (none, the smaller, the larger option). */
    termEnergy: [0, 10, 30],
    termInvestment: [0, 5, 15],
  },
  round: {
    /** Summits in a row with nothing agreed before the dialogue steps down a level. */
    idleSummits: 2,
    /** Walk-outs that end the talks in collapse. */
    walkOutsToCollapse: 2,
    /** How much harder (or softer) a computer counterpart bargains at each difficulty: points on its bar. */
    difficultyBar: { easy: -5, normal: 0, hard: 5 },
  },
  events: {
    /** At most this many events strike after one phase, so luck matters but never decides alone. */
    maxPerPhase: 2,
  },
  reaction: {
    /** Levada's sample is about 1,600 people: sampling noise on the polls follows from it. */
    pollSample: 1600,
    /** What one point of support for a deal takes from the opposition (the rest is undecided). */
    opposeFollows: 0.8,
    /** News fades: each round approval drifts this share of the way back to where the scenario began... */
    approvalDrift: 0.08,
    /** ...and hard-liner pressure this share of the way back to 50. */
    hardlinerDrift: 0.05,
    /** Japan's public reading of a treaty text: a base, the land returned times the form of sovereignty, the form alone. */
    treatyBase: 2,
    treatyLand: 6,
    treatyForm: 2,
    /** How much each form of sovereignty counts as a return (joint activity, joint governance, lease, transfer). */
    sovereigntyForm: [0.2, 0.4, 0.6, 1],
    /** What each level of guarantee on US forces costs the Japanese government (none, verbal, written, treaty clause). */
    allianceCost: [0, 0, 1, 2],
    /** Support moves with a treaty that returns enough: for a strong form, against a weak one. */
    treatySupportStrong: 2,
    treatySupportWeak: -1,
    /** Settling for less than sovereignty over all the land gives up the claim to the rest ("93 percent of the land"). */
    claimsGivenUp: -6,
    claimsHardliners: 5,
    /** Russia's public reading of a treaty text, per unit of territorial severity; normalisation earns a little. */
    territoryApproval: -12,
    territorySupport: -1,
    territoryHardliners: 10,
    normalisationApproval: 1,
    /** An interim agreement: a small win at home. */
    interimApproval: 0.8,
    interimSupport: 1,
    interimHardliners: -1,
    /** A joint statement that only reaffirms: Tokyo's press calls it another dud, Moscow's a sign of respect. */
    statementApproval: { japan: -1, russia: 0.3 },
    /** A summit with nothing agreed: Abe was expected to deliver, Putin less so. */
    nothingApproval: { japan: -2, russia: -0.5 },
    /** The side that walked out looks firm at home; the one left behind looks weak. */
    walkedOutApproval: 1,
    wasLeftApproval: -1,
    /** Selling a real deal helps; overselling talk alone costs approval. */
    sellApproval: 0.8,
    sellSupport: 2,
    oversoldApproval: -1,
    /** Talking tough pleases the hard-liners and the base, and costs support for a deal... */
    toughApproval: 1,
    toughSupport: -2,
    toughHardliners: 3,
    /** ...and abroad: the other side's trust, the rapport and its hard-liners. */
    toughTrustAbroad: -4,
    toughRapport: -3,
    toughHardlinersAbroad: 2,
    /** A leak puts pressure on the other side through its own press, at a high price in trust. */
    leakApproval: 1.5,
    leakSupport: 1,
    leakTrustAbroad: -8,
    leakRapport: -4,
    leakHardlinersAbroad: 5,
    /** Selling a treaty text at home is heard abroad by the other side's hard-liners. */
    sellTreatyHardlinersAbroad: 2,
  },
  ratification: {
    /** A parliament's leaning, on the logistic's scale: approval around this point... */
    approvalPivot: 40,
    approvalScale: 8,
    /** ...the public's support minus opposition, and the hard-liners around 50, each over this scale. */
    pollScale: 25,
    hardlinerScale: 25,
    /** Whipping the vote adds to the odds (logistic scale) and costs approval. */
    whip: { odds: 0.8, approval: -3 },
    /** Putting the vote off costs the side that asks ("kick the can down the road"). */
    delay: { rapport: -3, trust: -3, approval: -1 },
    /** A rejected text goes back to the table at a price. */
    rejected: { approval: -4, hardliners: 4, rapport: -6, trust: -4 },
  },
  us: {
    /** Washington's confidence lost per level of sanctions relief agreed ("G7 unity"), times the scenario's `interest`. */
    sanctionsCost: 5,
    /** ...and per level of guarantee on US forces (none, verbal, written, treaty clause). */
    guaranteeCost: [0, 0, 3, 6],
    /** News fades: confidence drifts this share of the way back to where the scenario began each round. */
    drift: 0.1,
    /** Below the scenario's `pressBelow`, Washington presses Tokyo: Japan's approval, each round. */
    pressApproval: -1.5,
    /** The Diet listens to Washington: Japan's ratification lean moves by (confidence − 50) over this. */
    ratifyScale: 50,
  },
  china: {
    /** The counterweight motive: Russia's pressure on a package falls by this per level of energy and investment, times (reliance − 50)/50 and the scenario's `counterweight`. */
    counterweight: 2,
    /** A deal with Japan on energy or investment eases Moscow's reliance on Beijing by this per level. */
    dealEases: 2,
    /** Sanctions in force push Russia toward China each round by this, times their level (0 none, 1 Crimea-era, 2 2022-era). */
    isolationPush: 0.5,
    /** Reliance drifts back toward the scenario's start by this share each round. */
    drift: 0.1,
    /** Where the scenario sets `threat`: above this reliance Japan's hard-liners rise this much each round, times `threat`. */
    threatAbove: 60,
    threatHardliners: 1.5,
  },
  factions: {
    /** A deal (of the kind its demand judges) that meets a faction's demand raises its backing; a treaty text that fails it lowers it. */
    met: 6,
    failed: -10,
    /** Backing drifts this share of the way back to the scenario's start each round. */
    drift: 0.1,
    /** Each round a leader's approval moves by strength/100 × (backing − 50) × this: the faction's voice in the press. */
    approvalPull: 0.04,
    /** Ratification: lean moves by strength/100 × (backing − 50) over this (the faction's votes and its press). */
    ratifyScale: 15,
    /** A faction this strong, with backing below blockBelow, blocks any treaty text that fails its demand. */
    blockStrength: 25,
    blockBelow: 25,
    /** What an unmet demand weighs on a leader weighing a package: strength/100 × (100 − backing)/100 × this, in worth points. */
    pressure: 12,
    /** A computer leader works a faction when a signed or likely text fails its demand and its backing is under this. */
    workBelow: 45,
  },
  counterpart: {
    /** Bar points by the computer's bargaining stance. */
    strategyBar: { grounded: 0, hawk: 6, dove: -5 },
    /** How readily it takes parallel sequencing over its own line, by stance. */
    strategyFlex: { grounded: 0, hawk: -0.3, dove: 0.2 },
    /** Its bar falls one point for every this many points of rapport or trust above 50. */
    barPerRapport: 10,
    barPerTrust: 10,
    /** The last round's deadline lowers its bar ("by the end of the year"). */
    deadlineBar: 3,
    /** Worth lost by signing a treaty text certain to be rejected at home (scaled by the odds of rejection): Yeltsin "always stepped back". */
    ratificationRisk: 8,
    /** Below its bar by more than this, it refuses outright: no lucky roll signs a bad deal. */
    refuseBelow: 8,
    /** Within this of its bar, a refusal sounds warm. */
    warmWithin: 3,
    /** The width of its acceptance curve, in worth points (odds = logistic(gap / width)). */
    acceptWidth: 4,
    /** No one signs the other side's opening offer as it stands: it is haggled over first. */
    openingPremium: 3,
    /** A reaffirmation is signed unless trust is below this; then with these odds. */
    reaffirm: { trust: 35, p: 0.9 },
    /** It walks out of an offer this far below its bar when its trust is under the second number. */
    walkOutBelow: 15,
    walkOutTrust: 30,
    /** Changes at most it asks for in return for an offer that came close. */
    askSteps: 2,
    /** Share of the other side's concessions (in its own worth) it returns within a summit, and the most it returns. */
    reciprocity: { share: 0.7, cap: 10 },
    /** Its offers aim this far above its guess of the other side's bar, less this much a round, as the year runs out. */
    offerMargin: 6,
    offerMarginPerRound: 2,
    /** How much it minds each point its offer falls short of that aim, against its own worth. */
    shortfallWeight: 1.5,
    /** One-option steps its package search may take. */
    searchSteps: 12,
    /** Its odds of taking parallel sequencing: a base, trust above 50 over the scale, and up to flexLate more by the last round. */
    flexBase: 0.15,
    flexTrustScale: 100,
    flexLate: 0.3,
    flexMax: 0.9,
    /** Its odds of talking tough: hard-liners over this scale, more for a hawk, less for a dove. */
    toughHardlinerScale: 200,
    toughStance: { grounded: 0, hawk: 0.3, dove: -0.2 },
    /** Within this of losing office it may leak, with these odds. */
    desperateMargin: 6,
    desperateLeak: 0.3,
    /** It whips a vote it might lose when approval is this far above losing office, and puts off one whose whipped odds are below this. */
    whipMargin: 8,
    whipBelow: 0.85,
    delayBelow: 0.45,
  },
} as const;
