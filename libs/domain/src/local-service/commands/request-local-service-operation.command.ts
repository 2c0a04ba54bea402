import { LocalServiceOperationType } from '../../operations/local-service-operation.dto';
import { LocalServiceOperationDetails } from '../local-service-state';

// Every local-service operation but CREATE: the Drove operation type and its fields.
export interface RequestLocalServiceOperationCommand extends LocalServiceOperationDetails {
  type: 'RequestLocalServiceOperation';
  serviceId: string;
  operation: Exclude<LocalServiceOperationType, 'CREATE'>;
  at: number;
  /**
   * Set by the leader's stale-data cleaner: refused unless the service last changed before this time, so a change
   * made between its plan and this command keeps the service.
   */
  staleBefore?: number;
}
