import { badInput } from '@reglament/shared/domain';
import { Arg, Query, Resolver } from 'type-graphql';
import { findPreset, PRESETS } from '../../domain/presets';
import { SERVICE_CATALOG } from '../../domain/service-catalog';
import { toPreset, toServiceItem } from '../mappers';
import { Preset, ServiceItem } from '../types/catalog.types';

/** Product data that ships with every installation: public to any caller. */
@Resolver()
export class CatalogResolver {
  @Query(() => [Preset], { description: 'The five regulations (presets): id, name, description, seed, calendar.' })
  presets(): Preset[] {
    return PRESETS.map(toPreset);
  }

  @Query(() => Preset, { description: 'One preset by id; null if there is no such preset.', nullable: true })
  preset(@Arg('id', () => String, { description: "The preset's id, e.g. altec-8x5x4." }) id: string): Preset | null {
    const preset = findPreset(id);
    return preset ? toPreset(preset) : null;
  }

  @Query(() => [ServiceItem], {
    description:
      'The service catalog (R-CON-2): seed 000 items 1 ... 6.3, seed 002 items AL.* and seed 004 items IC.*, with their billing, norms and free flags.',
  })
  serviceCatalog(
    @Arg('seed', () => String, {
      description: 'Only items of this seed, 000, 002 or 004; omitted: the whole catalog.',
      nullable: true,
    }) // An omitted argument arrives as undefined, an explicit null as null: both mean the whole catalog.
    seed: string | null | undefined,
  ): ServiceItem[] {
    const seeds = [...new Set(SERVICE_CATALOG.map((item) => item.seed))];
    if (seed != null && !seeds.includes(seed)) {
      throw badInput(`seed must be one of ${seeds.join(', ')}, got "${seed}"`, { field: 'seed' });
    }
    return SERVICE_CATALOG.filter((item) => seed == null || item.seed === seed).map(toServiceItem);
  }
}
