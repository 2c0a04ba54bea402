import { ClusterOpSpecJson } from '../../common/wire-types';

export interface DestroyApplicationCommand {
  type: 'DestroyApplication';
  appId: string;
  opSpec: ClusterOpSpecJson;
  at: number;
  /**
   * Set by the leader's stale-data cleaner: refused unless the app last changed before this time, so a change
   * made between its plan and this command keeps the app.
   */
  staleBefore?: number;
}
