import 'reflect-metadata';
import { ClusterAuthConfig, NodeServerConfig, ZooKeeperConfig } from '@drove/config';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class ExecutorServerConfig extends NodeServerConfig {
  /** The API port (`/apis/v1/messages`, log files); with the host name it makes the executor id, as in Drove. */
  port = 3000;
  adminPort = 3001;
}

export class ExecutorDockerConfig {
  @IsString()
  @IsNotEmpty()
  socketPath = '/var/run/docker.sock';

  /** IF_ABSENT works on clusters without registry access; ALWAYS re-pulls on every start. */
  @IsIn(['IF_ABSENT', 'ALWAYS'])
  pullPolicy: 'IF_ABSENT' | 'ALWAYS' = 'IF_ABSENT';

  /** Drove's cacheImages: images stay after their last instance ends. */
  @IsBoolean()
  cacheImages = true;

  /** Drove's containerCommandTimeout, for every short engine call. */
  @IsInt()
  @Min(1000)
  commandTimeoutMs = 30000;

  /** The containers' nofile ulimit (Drove: 470000), capped at the executor's own hard limit (dockerd's, on one host). */
  @IsInt()
  @Min(64)
  maxOpenFiles = 470000;

  /** `docker stop` grace before SIGKILL. */
  @IsInt()
  @Min(0)
  @Max(600)
  stopGraceSeconds = 10;
}

/** Scale tests: HOLLOW runs simulated containers (no dockerd, no log files), so many executors fit in one process. */
export class ExecutorRuntimeConfig {
  @IsIn(['DOCKER', 'HOLLOW'])
  type: 'DOCKER' | 'HOLLOW' = 'DOCKER';

  /** HOLLOW only: how long the simulated task image's one-second pause lasts. */
  @IsInt()
  @Min(1)
  hollowSecondMs = 1000;
}

export class ExecutorResourcesConfig {
  /** An hwloc synthetic description (e.g. `numa:2 core:4 pu:1`) instead of this machine's topology. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  syntheticTopology?: string;

  /**
   * With syntheticTopology only: the host CPUs and NUMA memory nodes the synthetic ids stand for in containers'
   * cpusets (synthetic id i -> list[i mod length]), since Docker refuses ids this machine does not have.
   * Empty: the synthetic ids are used as they are.
   */
  @IsInt({ each: true })
  @Min(0, { each: true })
  syntheticHostCpus: number[] = [];

  @IsInt({ each: true })
  @Min(0, { each: true })
  syntheticHostMemoryNodes: number[] = [];

  /** CPU ids kept for the OS, never given to containers. */
  @IsInt({ each: true })
  @Min(0, { each: true })
  osCores: number[] = [];

  @IsInt()
  @Min(1)
  @Max(100)
  exposedMemPercentage = 100;

  @IsBoolean()
  disableNumaPinning = false;

  /** Drove's resources.tags; the executor's host name is always added. */
  @IsString({ each: true })
  tags: string[] = [];
}

/**
 * Host ports for instance ports come from this executor-owned range, so PORT_<n> is known before the container
 * is created. The default lies below Linux's ephemeral range (32768-60999): outgoing connections never take one.
 */
export class ExecutorHostPortsConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  from = 20000;

  @IsInt()
  @Min(1)
  @Max(65535)
  to = 32767;
}

export class ExecutorLogsConfig {
  /** Root of `<appId>/<instanceId>/output.log` (tasks: `<sourceAppName>/<taskId>`). */
  @IsString()
  @IsNotEmpty()
  root = '/tmp/drove-ts/executor-logs';
}

export class ExecutorOptionsConfig {
  /** A Drove-labelled container the executor does not know is removed after this long. */
  @IsInt()
  @Min(1000)
  zombieGraceMs = 60000;

  /** Every this often the node data is rewritten even without a change (Drove: 20 s). */
  @IsInt()
  @Min(1000)
  refreshIntervalMs = 20000;

  /** Added to every container this executor creates; recovery and zombie reaping see only containers carrying them. */
  @IsOptional()
  containerLabels?: Record<string, string>;

  /**
   * Off: the executor recovers and reaps only containers whose `drove.instance.info` names its own executor id, and
   * logs the others at startup. On (Drove's one-executor-per-host behaviour): it takes over every Drove container
   * in scope, e.g. those left by this host's executor before its hostname or port (so its id) changed. Never on
   * with two executors sharing one container engine: they would take over and remove each other's containers.
   */
  @IsBoolean()
  adoptOtherExecutorContainers = false;

  /**
   * Drove's UNREADY wait: stay UNREADY (no app instances or tasks) until the leader's reserved local services run
   * HEALTHY here. Off by default: an executor without a reachable leader would never become ACTIVE.
   */
  @IsBoolean()
  awaitLocalServices = false;
}

/** The executor's YAML file; every block is optional and a missing one takes the defaults documented here. */
export class ExecutorConfig {
  @ValidateNested()
  @Type(() => ExecutorServerConfig)
  server = new ExecutorServerConfig();

  @ValidateNested()
  @Type(() => ZooKeeperConfig)
  zookeeper = new ZooKeeperConfig();

  @ValidateNested()
  @Type(() => ClusterAuthConfig)
  clusterAuth = new ClusterAuthConfig();

  @ValidateNested()
  @Type(() => ExecutorDockerConfig)
  docker = new ExecutorDockerConfig();

  @ValidateNested()
  @Type(() => ExecutorRuntimeConfig)
  runtime = new ExecutorRuntimeConfig();

  @ValidateNested()
  @Type(() => ExecutorResourcesConfig)
  resources = new ExecutorResourcesConfig();

  @ValidateNested()
  @Type(() => ExecutorHostPortsConfig)
  hostPorts = new ExecutorHostPortsConfig();

  @ValidateNested()
  @Type(() => ExecutorLogsConfig)
  logs = new ExecutorLogsConfig();

  @ValidateNested()
  @Type(() => ExecutorOptionsConfig)
  options = new ExecutorOptionsConfig();
}
