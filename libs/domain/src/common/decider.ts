import { Result } from './result';

// An aggregate as a pure decider: decide() validates a command against the state and returns the events that
// record the decision; evolve() is the only place state changes; folding evolve over a stream rebuilds state.
export interface Decider<S, C, E> {
  initialState: S;
  decide(state: S, command: C): Result<E[]>;
  evolve(state: S, event: E): S;
}

export const fold = <S, C, E>(decider: Decider<S, C, E>, events: readonly E[], from?: S): S =>
  events.reduce((s, e) => decider.evolve(s, e), from ?? decider.initialState);
