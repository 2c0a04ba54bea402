export interface MarkTaskLostCommand {
  type: 'MarkTaskLost';
  sourceAppName: string;
  taskId: string;
  errorMessage: string;
  at: number;
}
