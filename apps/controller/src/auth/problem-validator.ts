import { registerDecorator } from 'class-validator';

/**
 * A class-validator decorator from one function that names what is wrong (null when nothing is), so the
 * message says exactly which rule failed. `owner` is the object holding the property, for cross-field rules.
 */
export function problemValidator(
  name: string,
  problem: (value: unknown, owner: object) => string | null,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value, args) => problem(value, args?.object ?? {}) === null,
        defaultMessage: (args) => (args ? problem(args.value, args.object) : null) ?? `${name} failed`,
      },
    });
}
