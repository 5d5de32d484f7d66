/**
 * Personal data as most readers see it: an identity number keeps its region's first four digits and
 * its last four (`4201**********1234`), a mobile number its first three and last four
 * (`138****5678`). Who may see the whole value is the API's decision; showing it is audited there.
 */

export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** Whether `text` is an 18-character identity number as `maskIdNumber` leaves it (read back from an export). */
export function isMaskedIdNumber(text: string): boolean {
  return /^\d{4}\*{10}[\dXx]{4}$/.test(text);
}

export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
