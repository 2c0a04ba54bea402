// The controller stopped hearing about an active instance (Drove: no update for 60 s, or its executor vanished).
export interface MarkInstanceLostCommand {
  type: 'MarkInstanceLost';
  instanceId: string;
  errorMessage: string;
  at: number;
}
