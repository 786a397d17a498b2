/** SIREN of La Poste, whose establishments follow a different checksum. */
const LA_POSTE_SIREN = '356000000';

/**
 * Checks a SIRET (14 digits) with its Luhn key. La Poste's establishments use the documented
 * exception: the sum of their digits is a multiple of 5.
 */
export function isValidSiret(siret: string): boolean {
  const digits = siret.replace(/\s/g, '');
  if (!/^\d{14}$/.test(digits)) return false;
  if (digits.startsWith(LA_POSTE_SIREN) && digits !== '35600000000048') {
    const sum = [...digits].reduce((total, d) => total + Number(d), 0);
    return sum % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
