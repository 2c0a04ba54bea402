import { TaskInfoJson } from '../task-info';

export interface RecordTaskStateCommand {
  type: 'RecordTaskState';
  info: TaskInfoJson;
  at: number;
}
