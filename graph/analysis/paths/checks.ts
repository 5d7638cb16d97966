/** Checks on query numbers, with the module named in the message. */
export function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`paths: ${name} must be a whole number from ${min} to ${max}, not ${String(value)}`);
  }
}
