import { TaskInfoJson, TaskSpecJson } from '@drove/domain';
import { badge, facts, jsonBlock, keyValues, section, time } from '../components';
import { html, link, SafeHtml } from '../html';
import { page } from '../layout';
import { resourcesText } from '../tables';

export interface TaskFacts {
  /** Masked like the spec: what an executor reported, inline config and credentials blanked. */
  maskedInfo?: TaskInfoJson;
  maskedSpec?: TaskSpecJson;
}

const details = (info: TaskInfoJson): SafeHtml =>
  facts([
    ['Instance', info.instanceId],
    ['State', badge(info.state)],
    ['Executor', link(info.executorId, 'executors', info.executorId)],
    ['Host', info.hostname],
    ['Image', info.executable.url],
    ['Resources', resourcesText(info.resources)],
    ['Result', info.taskResult ? `${info.taskResult.status} (exit ${info.taskResult.exitCode})` : '-'],
    ['Error', info.errorMessage || '-'],
    ['Environment', keyValues(info.env)],
    ['Metadata', keyValues(info.metadata)],
    ['Created', time(info.created)],
    ['Updated', time(info.updated)],
  ]);

/** `/tasks/{sourceAppName}/{taskId}`; a task the view does not hold is said so, as Drove's page does. */
export const taskPage = (sourceAppName: string, taskId: string, task: TaskFacts | undefined): SafeHtml =>
  page(
    `Task ${sourceAppName}/${taskId}`,
    task
      ? html`${task.maskedInfo ? details(task.maskedInfo) : html`<p>No executor has reported on this task yet.</p>`}
        ${task.maskedSpec ? section('Spec', jsonBlock(task.maskedSpec)) : ''}`
      : html`<p>No task ${taskId} of ${sourceAppName} is known.</p>`,
  );
