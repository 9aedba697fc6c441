import type { TFunction } from 'i18next';
import './texts';

/**
 * The join and claim forms' check of a typed ID number, saying what is wrong as the server would:
 * its length, the 17 digits, the last character (a digit or X). The check digit and the birth date
 * are left to the server, whose message lands under the same field.
 */
export function idNumberRule(t: TFunction) {
  return {
    validator: (_: unknown, value?: string) => {
      const id = (value ?? '').trim().toUpperCase();
      const problem = !id
        ? 'idNumberRequired'
        : id.length !== 18
          ? 'idNumberLength'
          : !/^\d{17}/.test(id)
            ? 'idNumberDigits'
            : !/[\dX]$/.test(id)
              ? 'idNumberLastCharacter'
              : null;
      return problem ? Promise.reject(new Error(t(`members.join.${problem}`))) : Promise.resolve();
    },
  };
}
