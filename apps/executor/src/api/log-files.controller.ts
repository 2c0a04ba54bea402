import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  Param,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiLogFileDownload, ApiLogFileList, ApiLogFileRead } from '../openapi/executor-api-docs';
import { LogFileAccessError, LogFileReader } from '../logs/log-file-reader';
import { LOG_FILE_READER } from './api-tokens';
import { ClusterSecretGuard } from './cluster-secret.guard';
import { UnauthorizedFilter } from './unauthorized.filter';

interface DownloadReply {
  header(name: string, value: string): DownloadReply;
  send(body: unknown): void;
}

// Drove's LogFileStream: list, read by offset and length, download. Any access problem (a name that escapes
// the instance's folder, a missing file) is 400 {"error": ...} as in Drove.
@ApiTags('logs')
@Controller('apis/v1/logs/filestream/:first/:second')
@UseGuards(ClusterSecretGuard)
@UseFilters(UnauthorizedFilter)
export class LogFilesController {
  constructor(@Inject(LOG_FILE_READER) private readonly reader: LogFileReader) {}

  @Get('list')
  @ApiLogFileList()
  async list(@Param('first') first: string, @Param('second') second: string): Promise<{ files: string[] }> {
    return { files: await refused(() => this.reader.list(first, second)) };
  }

  @Get('read/:file')
  @ApiLogFileRead()
  read(
    @Param('first') first: string,
    @Param('second') second: string,
    @Param('file') file: string,
    @Query('offset') offset?: string,
    @Query('length') length?: string,
  ): Promise<{ data: string; offset: number }> {
    return refused(() => this.reader.read(first, second, file, numberOr(offset), numberOr(length)));
  }

  @Get('download/:file')
  @ApiLogFileDownload()
  async download(
    @Param('first') first: string,
    @Param('second') second: string,
    @Param('file') file: string,
    @Res() reply: DownloadReply,
  ): Promise<void> {
    const { size, stream } = await refused(() => this.reader.download(first, second, file));
    reply
      .header('content-type', 'text/plain')
      .header('content-length', String(size))
      .header('content-disposition', `attachment; filename=${file}`)
      .send(stream);
  }
}

// Absent is Drove's default -1; anything not an integer is refused by the reader.
function numberOr(text: string | undefined): number {
  return text === undefined ? -1 : Number(text);
}

async function refused<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof LogFileAccessError) throw new BadRequestException({ error: err.message });
    throw err;
  }
}
