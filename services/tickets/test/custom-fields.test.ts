import type { PresetTicketField } from '@reglament/shared/domain';
import { validCustomFields } from '../src/domain/custom-fields';

/** R-TKT-5 with a preset's own fields: required and NUMBER fields, as a preset may declare them. */
describe('validCustomFields', () => {
  const fields: PresetTicketField[] = [
    { name: 'dealer', labelRu: 'Дилер', labelEn: 'Dealer', type: 'STRING', required: true, maxLength: 10 },
    { name: 'seats', labelRu: 'Мест', labelEn: 'Seats', type: 'NUMBER', required: false, maxLength: 6 },
  ];

  it('keeps trimmed values by name and leaves blank optional ones out', () => {
    expect(
      validCustomFields(
        'p',
        [
          { name: 'dealer', value: ' Okna ' },
          { name: 'seats', value: ' ' },
        ],
        fields,
      ),
    ).toEqual({ dealer: 'Okna' });
    expect(
      validCustomFields(
        'p',
        [
          { name: 'seats', value: '12.5' },
          { name: 'dealer', value: 'A' },
        ],
        fields,
      ),
    ).toEqual({
      seats: '12.5',
      dealer: 'A',
    });
  });

  it('refuses a missing required field, a blank one, and a NUMBER that is not a number', () => {
    expect(() => validCustomFields('p', [], fields)).toThrow(/dealer \(Dealer\) is required under preset p/);
    expect(() => validCustomFields('p', [{ name: 'dealer', value: '  ' }], fields)).toThrow(/required/);
    expect(() =>
      validCustomFields(
        'p',
        [
          { name: 'dealer', value: 'A' },
          { name: 'seats', value: 'twelve' },
        ],
        fields,
      ),
    ).toThrow(/seats must be a number/);
  });
});
