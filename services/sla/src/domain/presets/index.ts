import type { SlaPolicy } from '../policy';
import { ALTEC_8X5X4 } from './altec-8x5x4';
import { ASMO } from './asmo';
import { IMC_TYPICAL } from './imc-typical';
import { INFOCRAFT_365 } from './infocraft-365';
import { KZ_SUPPLIER } from './kz-supplier';

/** The five regulations as SLA policies, by preset id. */
export const PRESET_POLICIES: ReadonlyMap<string, SlaPolicy> = new Map(
  [IMC_TYPICAL, ASMO, ALTEC_8X5X4, KZ_SUPPLIER, INFOCRAFT_365].map((p) => [p.preset, p]),
);

export { ALTEC_8X5X4, ASMO, IMC_TYPICAL, INFOCRAFT_365, KZ_SUPPLIER };
