// Stamp-guarded updates of fields and items. Each returns whether the change won (was newer than
// what the state held); they write into objects the caller has already copied.
import { compareStamps, isNewer, type Stamp } from './stamp.ts';
import type { Field, Item } from './state.ts';

export function copyItem<F>(item: Item<F> | undefined): Item<F> {
  return item ? { ...item, f: { ...item.f } } : { f: {} };
}

export function setField<F, K extends keyof F>(item: Item<F>, key: K, value: F[K], stamp: Stamp): boolean {
  const current = item.f[key] as Field<F[K]> | undefined;
  if (!isNewer(stamp, current?.s)) return false;
  item.f[key] = { v: value, s: stamp } as Item<F>['f'][K];
  return true;
}

/** Sets every given field; fields the change leaves undefined are not touched. */
export function setFields<F>(item: Item<F>, values: { [K in keyof F]?: F[K] }, stamp: Stamp): boolean {
  let won = false;
  for (const key of Object.keys(values) as Array<keyof F>) {
    const value = values[key];
    if (value !== undefined && setField(item, key, value as F[typeof key], stamp)) won = true;
  }
  return won;
}

export function markOn<F>(item: Item<F>, stamp: Stamp): boolean {
  if (!isNewer(stamp, item.on)) return false;
  item.on = stamp;
  return true;
}

export function markOff<F>(item: Item<F>, stamp: Stamp): boolean {
  if (!isNewer(stamp, item.off)) return false;
  item.off = stamp;
  return true;
}

/** In force: put in force by a change newer than any removal. */
export function inForce<F>(item: Item<F> | undefined): item is Item<F> & { on: Stamp } {
  if (!item?.on) return false;
  return item.off === undefined || compareStamps(item.on, item.off) > 0;
}

export function setPlainField<T>(current: Field<T> | undefined, value: T, stamp: Stamp): Field<T> | undefined {
  return isNewer(stamp, current?.s) ? { v: value, s: stamp } : undefined;
}
