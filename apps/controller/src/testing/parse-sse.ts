export interface SseMessage {
  id: string | undefined;
  data: { type: string; id: string; time: number; metadata: Record<string, string | number> };
}

export interface ParsedSse {
  messages: SseMessage[];
  comments: string[];
  retry?: number;
}

/**
 * Splits SSE text into its messages (those with data) and its comment lines, for assertions. A last block not
 * yet ended by a blank line is left out.
 */
export function parseSse(text: string): ParsedSse {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  let retry: number | undefined;
  for (const block of text.split('\n\n').slice(0, -1)) {
    let id: string | undefined;
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data = line.slice(6);
      else if (line.startsWith('retry: ')) retry = Number(line.slice(7));
    }
    if (data !== undefined) messages.push({ id, data: JSON.parse(data) as SseMessage['data'] });
  }
  return { messages, comments, retry };
}
