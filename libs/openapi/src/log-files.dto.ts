// The executor's file-stream answers, proxied through unchanged (not in Drove's envelope).

export class LogFileListDto {
  /** Readable files whose name starts with `output.`, e.g. `output.log`. */
  files!: string[];
}

export class LogFileChunkDto {
  data!: string;
  /** The offset asked for (not the next one): add `data.length` to read on. With `offset=-1`, the file size. */
  offset!: number;
}

export class LogFileErrorDto {
  error!: string;
}
