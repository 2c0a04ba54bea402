import { Inject, Injectable } from '@nestjs/common';
import { Decider, DomainError, DomainEvent, IdGenerator } from '@drove/domain';
import { EventStore, NO_STREAM, StoredEvent, WrongExpectedVersionError } from '@drove/events';
import { EVENT_STORE, ID_GENERATOR } from '../event-store/event-store.tokens';
import { FencedAppender } from '../event-store/fenced-appender';
import { ControllerMetrics } from '../metrics/controller-metrics';
import { KeyedMutex } from './keyed-mutex';

export interface Loaded<S> {
  state: S;
  /** Stream version the state was folded from: the expected version of the next append. */
  version: number;
}

export interface CommandContext {
  actor: string;
  correlationId?: string;
  /**
   * Checked once the decider accepts the command, before anything is stored: a message refuses it. Drove checks
   * an operation's state first and the cluster's resources after; this keeps that order.
   */
  guard?: () => string | null;
}

export type CommandOutcome =
  { ok: true; events: DomainEvent[]; positions: number[] } | { ok: false; error: DomainError };

/** A command that kept losing the race for its stream; nothing of it was written. */
export class ConcurrencyExhaustedError extends Error {
  constructor(stream: string, attempts: number) {
    super(`stream ${stream}: still conflicting after ${attempts} attempts, nothing written`);
  }
}

export const MAX_COMMAND_ATTEMPTS = 5;

const toDomainEvent = (stored: StoredEvent): DomainEvent => ({
  type: stored.type,
  schemaVersion: stored.schemaVersion,
  data: stored.data,
});

/**
 * load -> decide -> fenced append with the expected version; on a conflict, reload and decide again on the newer
 * state (so the decision is always taken on what is stored), at most MAX_COMMAND_ATTEMPTS times.
 * Commands on one stream are queued in this process: on the leader (the only writer) they then never conflict with
 * each other; the expected version still guards against any other writer.
 */
@Injectable()
export class CommandPipeline {
  private readonly streams = new KeyedMutex();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly appender: FencedAppender,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    private readonly metrics: ControllerMetrics = new ControllerMetrics(),
  ) {}

  async load<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, stream: string): Promise<Loaded<S>> {
    const stored = await this.store.readStream(stream);
    const state = stored.reduce((s, e) => decider.evolve(s, toDomainEvent(e) as E), decider.initialState);
    return { state, version: stored.length === 0 ? 0 : stored[stored.length - 1].streamVersion };
  }

  execute<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    stream: string,
    command: C,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const type = (command as { type?: unknown }).type;
    const name = typeof type === 'string' ? type : 'unknown';
    const outcome = this.streams.run(stream, () => this.attempt(decider, stream, command, context));
    outcome.then(
      (o) => this.metrics.command(name, o.ok ? 'accepted' : 'refused'),
      () => this.metrics.command(name, 'failed'),
    );
    return outcome;
  }

  private async attempt<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    stream: string,
    command: C,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    for (let attempt = 1; attempt <= MAX_COMMAND_ATTEMPTS; attempt++) {
      const { state, version } = await this.load(decider, stream);
      const decided = decider.decide(state, command);
      if (!decided.ok) return decided;
      const refusal = context.guard?.();
      if (refusal) return { ok: false, error: { code: 'NOT_ALLOWED', messages: [refusal] } };
      if (decided.value.length === 0) return { ok: true, events: [], positions: [] };
      const events = decided.value.map((e) => ({
        id: this.ids.uuid(),
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        actor: context.actor,
        correlationId: context.correlationId ?? null,
      }));
      try {
        const result = await this.appender.append(stream, version === 0 ? NO_STREAM : version, events);
        return { ok: true, events: decided.value, positions: result.positions };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
    throw new ConcurrencyExhaustedError(stream, MAX_COMMAND_ATTEMPTS);
  }
}
