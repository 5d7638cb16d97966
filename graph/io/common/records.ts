/** Plain records as the readers build them for restore(). */

export type Bag = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Bag => typeof v === 'object' && v !== null && !Array.isArray(v);
export const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
/** A null-prototype object: keys such as `__proto__` stay data. */
export const bag = (): Bag => Object.create(null) as Bag;
