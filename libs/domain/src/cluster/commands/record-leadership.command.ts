// A controller won the election; recorded so that the event feed and the audit trail show leader changes.
export interface RecordLeadershipCommand {
  type: 'RecordLeadership';
  hostname: string;
  at: number;
}
