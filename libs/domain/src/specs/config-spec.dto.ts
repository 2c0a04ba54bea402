import { Base64Field, NestedOf, NotEmpty, NotNull, TypeId } from './dto-decorators';
import { HttpCallSpecDto } from './http-call-spec.dto';

export class InlineConfigSpecDto {
  @TypeId()
  type = 'INLINE' as const;
  @NotEmpty()
  localFilename!: string;
  // base64 of the file's bytes, as Drove's byte[] field travels
  @NotEmpty()
  @Base64Field()
  data!: string;
}

export class ExecutorLocalFileConfigSpecDto {
  @TypeId()
  type = 'EXECUTOR_LOCAL_FILE' as const;
  @NotEmpty()
  localFilename!: string;
  @NotEmpty()
  filePathOnHost!: string;
}

export class ControllerHttpFetchConfigSpecDto {
  @TypeId()
  type = 'CONTROLLER_HTTP_FETCH' as const;
  @NotEmpty()
  localFilename!: string;
  @NotNull()
  @NestedOf(() => HttpCallSpecDto)
  http!: HttpCallSpecDto;
}

export class ExecutorHttpFetchConfigSpecDto {
  @TypeId()
  type = 'EXECUTOR_HTTP_FETCH' as const;
  @NotEmpty()
  localFilename!: string;
  @NotNull()
  @NestedOf(() => HttpCallSpecDto)
  http!: HttpCallSpecDto;
}

export type ConfigSpecDto =
  | InlineConfigSpecDto
  | ExecutorLocalFileConfigSpecDto
  | ControllerHttpFetchConfigSpecDto
  | ExecutorHttpFetchConfigSpecDto;

export const configSpecTypes = () => ({
  INLINE: InlineConfigSpecDto,
  EXECUTOR_LOCAL_FILE: ExecutorLocalFileConfigSpecDto,
  CONTROLLER_HTTP_FETCH: ControllerHttpFetchConfigSpecDto,
  EXECUTOR_HTTP_FETCH: ExecutorHttpFetchConfigSpecDto,
});

export const inlineConfig = (localFilename: string, content: string | Buffer): InlineConfigSpecDto =>
  Object.assign(new InlineConfigSpecDto(), {
    localFilename,
    data: Buffer.from(content).toString('base64'),
  });

export const inlineConfigBytes = (config: InlineConfigSpecDto): Buffer => Buffer.from(config.data, 'base64');
