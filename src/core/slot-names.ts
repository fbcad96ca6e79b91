// Readable names for objects, signals and slots, shared by introspection, the registry and error
// messages.

/** The constructor name of an object, or 'Object'. */
export function typeName(value: object): string {
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'Object';
}

/** `Type::objectName` when the object has a name, else `Type`. */
export function describeObject(value: object): string {
  const name = (value as { objectName?: unknown }).objectName;
  return typeof name === 'string' && name !== '' ? `${typeName(value)}::${name}` : typeName(value);
}

interface SignalLike {
  readonly owner: object | undefined;
  readonly name: string | undefined;
}

/** `Owner::name.signal`, or the signal's name alone for a standalone signal. */
export function describeSignal(signal: SignalLike): string {
  const name = signal.name ?? '(unnamed signal)';
  return signal.owner === undefined ? name : `${describeObject(signal.owner)}.${name}`;
}

function isForwardingTarget(receiver: object, slot: unknown): receiver is SignalLike {
  return (receiver as { emit?: unknown }).emit === slot && 'owner' in receiver;
}

/** `fn`, `Type.method` for a receiver-bound slot, `signal Owner.name` when forwarding to a signal. */
export function describeSlot(slot: ((...args: never[]) => unknown) | undefined, receiver: object | undefined): string {
  if (slot === undefined) return '(ended)';
  const fn = slot.name === '' ? '(anonymous)' : slot.name;
  if (receiver === undefined) return fn;
  if (isForwardingTarget(receiver, slot)) return `signal ${describeSignal(receiver)}`;
  return `${describeObject(receiver)}.${fn}`;
}
