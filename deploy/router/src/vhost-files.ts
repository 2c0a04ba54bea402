import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExposedAppInfo, ExposedHost } from './drove-types';

/** What one vhost routes to: the hosts of every app exposing it (two versions during a blue-green switch). */
export interface Vhost {
  vhost: string;
  appIds: string[];
  hosts: ExposedHost[];
}

export function vhostsOf(apps: Iterable<ExposedAppInfo>): Vhost[] {
  const byName = new Map<string, Vhost>();
  for (const app of apps) {
    const entry = byName.get(app.vhost) ?? { vhost: app.vhost, appIds: [], hosts: [] };
    entry.appIds.push(app.appId);
    entry.hosts.push(...app.hosts);
    byName.set(app.vhost, entry);
  }
  return [...byName.values()];
}

const safe = (vhost: string): string => vhost.replace(/[^A-Za-z0-9.-]/g, '_');
export const fileNameOf = (vhost: string): string => `${safe(vhost)}.conf`;
export const upstreamNameOf = (vhost: string): string => `drove_${vhost.replace(/[^A-Za-z0-9]/g, '_')}`;

/**
 * One vhost's nginx file: its upstream (the healthy hosts, sorted, so an unchanged set gives an unchanged file)
 * and the server block that proxies the vhost to it. With no host, a `down` placeholder keeps the upstream valid
 * and nginx answers 502.
 */
export function renderVhost(entry: Vhost, listen: string): string {
  const upstream = upstreamNameOf(entry.vhost);
  const servers = [...new Set(entry.hosts.map((h) => `${h.host}:${h.port}`))].sort();
  const scheme = entry.hosts[0]?.portType === 'HTTPS' ? 'https' : 'http';
  return [
    `# Written by the Drove-TS router for vhost ${entry.vhost} (apps: ${[...entry.appIds].sort().join(', ')}).`,
    `# Rewritten whenever the healthy instances change; do not edit.`,
    `upstream ${upstream} {`,
    ...(servers.length > 0 ? servers.map((s) => `    server ${s};`) : ['    server 127.0.0.1:1 down;']),
    '}',
    'server {',
    `    listen ${listen};`,
    `    server_name ${entry.vhost};`,
    '    location / {',
    `        proxy_pass ${scheme}://${upstream};`,
    '        proxy_set_header Host $host;',
    '        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '        proxy_http_version 1.1;',
    '        proxy_set_header Connection "";',
    '    }',
    '}',
    '',
  ].join('\n');
}

/**
 * Keeps a directory (owned by the router) holding exactly one file per vhost. Files are replaced by rename, so
 * nginx never reads half of one; a file whose content is unchanged is not touched.
 */
export class VhostFiles {
  constructor(
    private readonly dir: string,
    private readonly listen: string,
  ) {}

  /** Brings the directory to `vhosts`; true when a file was written or removed (nginx must reload). */
  async sync(vhosts: readonly Vhost[]): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    const wanted = new Map(vhosts.map((v) => [fileNameOf(v.vhost), renderVhost(v, this.listen)]));
    let changed = false;
    for (const [name, content] of wanted) {
      const path = join(this.dir, name);
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current === content) continue;
      await writeFile(`${path}.tmp`, content);
      await rename(`${path}.tmp`, path);
      changed = true;
    }
    for (const name of await readdir(this.dir)) {
      if (name.endsWith('.conf') && !wanted.has(name)) {
        await unlink(join(this.dir, name));
        changed = true;
      }
    }
    return changed;
  }
}
