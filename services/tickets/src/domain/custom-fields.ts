import { badInput, plainText, type PresetTicketField, presetTicketFields } from '@reglament/shared/domain';

/** At most this many values in one registration (a preset declares fewer). */
export const CUSTOM_FIELDS_MAX = 20;

export interface CustomFieldValue {
  name: string;
  value: string;
}

/**
 * R-TKT-5 with the preset's own fields (002 §2.2 "Переработчик профиля Exprof"): every name one
 * the preset declares, once; values trimmed, of the declared type and length; required ones
 * present. Returns the values by name (blank ones left out); a refusal names what is allowed.
 */
export function validCustomFields(
  preset: string,
  values: readonly CustomFieldValue[] | null | undefined,
  definitions: readonly PresetTicketField[] = presetTicketFields(preset),
): Record<string, string> {
  const given = values ?? [];
  if (given.length > CUSTOM_FIELDS_MAX) {
    throw badInput(`at most ${CUSTOM_FIELDS_MAX} custom fields`, { field: 'customFields' });
  }
  const allowed = definitions.map((d) => d.name);
  const result: Record<string, string> = {};
  for (const { name, value } of given) {
    const definition = definitions.find((d) => d.name === name);
    if (!definition) {
      throw badInput(
        `customFields: preset ${preset} has ${allowed.length ? `the fields ${allowed.join(', ')}` : 'no custom fields'}, not ${JSON.stringify(name.slice(0, 60))}`,
        { field: 'customFields' },
      );
    }
    if (name in result) throw badInput(`customFields: ${name} is given twice`, { field: 'customFields' });
    const text = plainText(value.trim(), `customFields.${name}`);
    if (text.length > definition.maxLength) {
      throw badInput(`customFields: ${name} must be at most ${definition.maxLength} characters`, {
        field: 'customFields',
      });
    }
    if (text.length > 0 && definition.type === 'NUMBER' && !/^-?\d+(\.\d+)?$/.test(text)) {
      throw badInput(`customFields: ${name} must be a number, got ${JSON.stringify(text.slice(0, 40))}`, {
        field: 'customFields',
      });
    }
    if (text.length > 0) result[name] = text;
  }
  for (const definition of definitions) {
    if (definition.required && !(definition.name in result)) {
      throw badInput(`customFields: ${definition.name} (${definition.labelEn}) is required under preset ${preset}`, {
        field: 'customFields',
      });
    }
  }
  return result;
}
