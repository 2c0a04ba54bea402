import { ApplicationSpecDto } from './application-spec.dto';
import { LocalServiceSpecDto } from './local-service-spec.dto';
import { TaskSpecDto } from './task-spec.dto';
import { Parsed, parseDto } from './wire';

export const parseApplicationSpec = (json: unknown): Parsed<ApplicationSpecDto> =>
  parseDto(ApplicationSpecDto, json);
export const parseTaskSpec = (json: unknown): Parsed<TaskSpecDto> => parseDto(TaskSpecDto, json);
export const parseLocalServiceSpec = (json: unknown): Parsed<LocalServiceSpecDto> =>
  parseDto(LocalServiceSpecDto, json);
