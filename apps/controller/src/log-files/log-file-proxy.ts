import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ExecutorAddressJson } from '@drove/domain';
import type { FastifyReply } from 'fastify';

/** How the controller identifies itself to executors: the CONTROLLER cluster secret and its host name. */
export interface ExecutorCredentials {
  secret: string;
  nodeId: string;
}

export const EXECUTOR_CREDENTIALS = Symbol('ExecutorCredentials');

/** The executor side of one request: `list`, `read/<file>` or `download/<file>` under an owner and instance. */
export interface LogFileCall {
  ownerId: string;
  instanceId: string;
  action: string;
  query: Record<string, string>;
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  gz: 'application/gzip',
  zip: 'application/zip',
  html: 'text/html',
};

export const contentTypeOf = (fileName: string): string =>
  CONTENT_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'text/plain';

const pad = (n: number) => String(n).padStart(2, '0');

/** Drove's `rename=true` name: `<owner>_<instance>_<file>-yyyy-MM-dd_HH-mm-ss` (UTC here). */
export const renamedDownload = (call: LogFileCall, fileName: string, at: Date): string =>
  `${call.ownerId}_${call.instanceId}_${fileName}-${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-` +
  `${pad(at.getUTCDate())}_${pad(at.getUTCHours())}-${pad(at.getUTCMinutes())}-${pad(at.getUTCSeconds())}`;

const upstreamUrl = (address: ExecutorAddressJson, call: LogFileCall): string => {
  const scheme = address.transportType === 'HTTPS' ? 'https' : 'http';
  const path = [call.ownerId, call.instanceId].map(encodeURIComponent).join('/');
  const query = new URLSearchParams(call.query).toString();
  return `${scheme}://${address.hostname}:${address.port}/apis/v1/logs/filestream/${path}/${call.action}${query ? `?${query}` : ''}`;
};

/**
 * Calls the executor and streams its body to the client unchanged. An executor answering anything but 200 is
 * Drove's intended 500 `{"error": "Executor call returned: <code> body: <body>"}`, sent before any body byte.
 */
export async function proxyLogFile(
  reply: FastifyReply,
  address: ExecutorAddressJson,
  call: LogFileCall,
  credentials: ExecutorCredentials,
  headers: Record<string, string>,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(upstreamUrl(address, call), {
      headers: { 'Cluster-Authorization': credentials.secret, NodeId: credentials.nodeId },
      redirect: 'manual',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await reply.code(500).send({ error: `Executor call failed: ${reason}` });
    return;
  }
  if (response.status !== 200 || !response.body) {
    const body = await response.text();
    await reply.code(500).send({ error: `Executor call returned: ${response.status} body: ${body}` });
    return;
  }
  await reply
    .code(200)
    .headers(headers)
    .send(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>));
}
