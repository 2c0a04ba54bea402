import { Decider, fold } from '../src/common/decider';
import { DomainErrorCode } from '../src/common/result';

// given(events) / when(command) / then(events | error) for any decider. After a successful decision it also
// checks that the events fold onto the prior state without throwing and returns the resulting state.
export const givenFor =
  <S, C, E>(decider: Decider<S, C, E>) =>
  (...history: E[]) => {
    const state = fold(decider, history);
    return {
      state,
      when: (command: C) => {
        const result = decider.decide(state, command);
        return {
          result,
          then: (...expected: E[]): S => {
            expect(result).toEqual({ ok: true, value: expected });
            return fold(decider, expected, state);
          },
          thenEvents: (): E[] => {
            if (!result.ok) throw new Error(`expected success, got ${result.error.messages.join('; ')}`);
            return result.value;
          },
          thenFails: (message: string, code?: DomainErrorCode): void => {
            expect(result).toMatchObject({ ok: false });
            if (!result.ok) {
              expect(result.error.messages).toContain(message);
              if (code) expect(result.error.code).toBe(code);
            }
          },
        };
      },
    };
  };
