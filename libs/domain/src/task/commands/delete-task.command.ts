export interface DeleteTaskCommand {
  type: 'DeleteTask';
  sourceAppName: string;
  taskId: string;
  at: number;
}
