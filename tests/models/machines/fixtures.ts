import type { Scenario } from '../../../models/domain/index';
import { parsedBuiltin } from '../../fixtures/builtins';

export const belarus = (): Promise<Scenario> => parsedBuiltin('belarus');
