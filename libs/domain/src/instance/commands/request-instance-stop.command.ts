export interface RequestInstanceStopCommand {
  type: 'RequestInstanceStop';
  instanceId: string;
  at: number;
}
