import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

function patternValidator(pattern: RegExp, errorKey: string): ValidatorFn {
  return (c: AbstractControl): ValidationErrors | null => {
    const v = c.value;
    return v === null || v === undefined || v === '' || pattern.test(String(v)) ? null : { [errorKey]: true };
  };
}

/** Same rule as the API's CreateUserDto. */
export const usernameValidator = patternValidator(/^[a-zA-Z0-9._-]{3,64}$/, 'username');

/** Same rule as the API's reference DTOs: codes travel through imports and reports, so plain lower-case ASCII. */
export const codeValidator = patternValidator(/^[a-z0-9][a-z0-9_-]{0,47}$/, 'code');

export const integerValidator: ValidatorFn = (c) => {
  const v = c.value;
  return v === null || v === undefined || v === '' || Number.isInteger(Number(v)) ? null : { integer: true };
};

/** An http:// or https:// address without spaces; the API checks it fully and its answer shows under the field. */
export const urlValidator = patternValidator(/^https?:\/\/\S+$/, 'url');
