import { Decider } from '../common/decider';
import { ApplicationAggregate, initialApplicationState } from './application-state';
import { ApplicationCommand } from './commands';
import { decideApplication } from './decide-application';
import { ApplicationEvent } from './events';
import { evolveApplication } from './evolve-application';

export const applicationDecider: Decider<ApplicationAggregate, ApplicationCommand, ApplicationEvent> = {
  initialState: initialApplicationState,
  decide: decideApplication,
  evolve: evolveApplication,
};

export const applicationStream = (appId: string): string => `app-${appId}`;
