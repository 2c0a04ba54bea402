import { html, HtmlValue, SafeHtml } from './html';

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;color:#222}
header{background:#24364b;color:#fff;padding:.5em 1em;display:flex;gap:1.2em;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header strong{margin-right:1em}
header form{margin-left:auto}header input{width:9em}
main{padding:1em 1.5em}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#eef1f5}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}
pre{background:#f5f5f5;padding:.6em;overflow:auto;max-height:30em}.empty{color:#777}
.state{padding:0 .3em;border-radius:3px;background:#ddd}.state-HEALTHY,.state-RUNNING,.state-ACTIVE,.state-SUCCESSFUL{background:#c8ecc8}
.state-LOST,.state-UNHEALTHY,.state-START_FAILED,.state-FAILED,.state-PROVISIONING_FAILED{background:#f4c4c4}
`;

const NAV: readonly [string, string][] = [
  ['/', 'Overview'],
  ['/dashboard', 'Dashboard'],
  ['/applications', 'Applications'],
  ['/tasks', 'Tasks'],
  ['/localservices', 'Local services'],
  ['/cluster', 'Cluster'],
];

/**
 * A whole page. The task search posts to Drove's `/apis/v1/tasks/search`, which redirects to the task's page.
 * No script: every page is rendered by the leader and reloaded to refresh.
 */
export const page = (title: string, body: HtmlValue): SafeHtml =>
  html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} - Drove-TS</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <strong>Drove-TS</strong>${NAV.map(([href, label]) => html`<a href="${href}">${label}</a>`)}
          <form method="post" action="/apis/v1/tasks/search">
            <input name="taskSearchAppName" placeholder="source app" required pattern="[A-Za-z0-9_-]+" />
            <input name="taskSearchTaskID" placeholder="task id" required pattern="[A-Za-z0-9_-]+" />
            <button type="submit">Find task</button>
          </form>
        </header>
        <main>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html> `;
