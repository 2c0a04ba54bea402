import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

// The I/O the topology discovery needs, behind ports so tests can hand in a fake machine.

export interface FileReader {
  exists(path: string): boolean;
  readText(path: string): string;
  list(path: string): string[];
}

export interface CommandRunner {
  // Rejects with an error whose `code` is 'ENOENT' when the program is not installed.
  run(program: string, args: string[]): Promise<string>;
}

export const nodeFileReader: FileReader = {
  exists: (path) => existsSync(path),
  readText: (path) => readFileSync(path, 'utf8'),
  list: (path) => readdirSync(path),
};

export const nodeCommandRunner: CommandRunner = {
  run: (program, args) =>
    new Promise((resolve, reject) => {
      execFile(program, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
    }),
};
