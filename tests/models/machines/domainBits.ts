export { dimensionIndex, stateFromRecord, toNatural, utility, applyMoves, type Scenario } from '../../../models/domain/index';
export { profileIndex as profileIndexOf } from '../../../models/game/types';
