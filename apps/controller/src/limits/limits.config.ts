import { IsInt, Max, Min } from 'class-validator';

/**
 * `limits:` in the controller YAML: how big a request, a spec and a page may be. Each over-limit request is a 4xx
 * naming the limit. The spec limits keep every event well inside one ZooKeeper znode (jute.maxbuffer, 1 MB by
 * default), since a CREATE stores the whole spec in the log.
 */
export class LimitsConfig {
  /** Any request body; larger ones are 413 before any handler runs. */
  @IsInt()
  @Min(1024)
  @Max(16 * 1024 * 1024)
  maxRequestBodyBytes = 1024 * 1024;

  /** An app or task spec as JSON. */
  @IsInt()
  @Min(1024)
  @Max(900 * 1024)
  maxSpecBytes = 512 * 1024;

  @IsInt()
  @Min(0)
  maxEnvVars = 256;

  @IsInt()
  @Min(0)
  maxArgs = 256;

  /** Config files of any type in one spec. */
  @IsInt()
  @Min(0)
  maxConfigFiles = 64;

  /** The decoded `data` of a spec's INLINE config files, together. */
  @IsInt()
  @Min(0)
  maxInlineConfigBytes = 256 * 1024;

  /** `size` on paged lists (applications, old instances, the event feed). */
  @IsInt()
  @Min(1)
  maxPageSize = 10_000;
}

export const LIMITS = Symbol('Limits');
