import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsNotEmpty,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ClusterAuthConfig, NodeServerConfig, ZooKeeperConfig } from '@drove/config';
import { AuditLogConfig } from '../audit/audit-log.config';
import { EventStreamConfig } from '../event-stream/event-stream.config';
import { ClusterOperationOptions } from '../cluster-options/cluster-options.config';
import { EventsFeedConfig } from '../events-feed/events-feed.config';
import { ViewSnapshotConfig } from '../snapshots/view-snapshot.config';
import { USER_ROLES } from '../auth/drove-role';
import { IsCachingPolicy } from '../auth/caching-policy';
import { IsUserListUsable } from '../auth/user-list.validator';
import { LimitsConfig } from '../limits/limits.config';

export class ServerConfig extends NodeServerConfig {
  port = 4000;
  adminPort = 4001;
}

/**
 * A controller's ZooKeeper session is its leadership: after a `kill -9` the standby leads once ZooKeeper expires
 * the dead session, so a short timeout is a quick failover. Losing it wrongly (a long pause, a network blip)
 * costs only a leader change, which the log makes safe; an executor's session, whose loss makes its instances
 * LOST and replaced, keeps the longer shared default. 5 s is above ZooKeeper's floor of 2 ticks (4 s at its
 * default tickTime of 2 s), which would otherwise raise it.
 */
export class ControllerZooKeeperConfig extends ZooKeeperConfig {
  override sessionTimeoutMs = 5000;
}

export class InstanceAuthConfig {
  @IsString()
  @IsNotEmpty()
  secret = 'DEFAULT_SECRET';
}

export class UserConfig {
  @IsString()
  @MaxLength(255)
  @IsNotEmpty()
  username!: string;

  /** Plain text with encoding PLAIN, a bcrypt hash with CRYPT (checked by UserAuthConfig). */
  @IsString()
  @IsNotEmpty()
  password!: string;

  @IsIn(Object.keys(USER_ROLES))
  role!: string;
}

/** Drove's `userAuth` (basic auth for people and tools); disabled means no-auth mode: everyone is root. */
export class UserAuthConfig {
  @IsBoolean()
  enabled = false;

  /** CRYPT by default: plain text passwords are accepted only when the file says so. */
  @IsIn(['PLAIN', 'CRYPT'])
  encoding: 'PLAIN' | 'CRYPT' = 'CRYPT';

  /** Drove's Caffeine spec for the cache of verified credentials; maximumSize and expireAfter* are honoured. */
  @IsCachingPolicy()
  cachingPolicy = 'maximumSize=500, expireAfterAccess=30m';

  @ValidateNested({ each: true })
  @Type(() => UserConfig)
  @ArrayUnique((u: UserConfig) => u.username, { message: 'has a username listed twice' })
  @IsUserListUsable()
  users: UserConfig[] = [];
}

/** A scale pass whose starts failed waits `initialMs * multiplier^(n-1)` (at most `maxMs`) before the next. */
export class StartBackoffConfig {
  @IsInt()
  @Min(100)
  initialMs = 2000;

  @IsInt()
  @Min(100)
  maxMs = 60000;

  @IsNumber()
  @Min(1)
  multiplier = 2;
}

/**
 * Drove's `options`; the retention ones (staleCheckInterval, staleInstanceAge...) come from RetentionOptions, the
 * staleness ones (staleExecutorAge, instanceStalenessMs) from StalenessOptions, the spec and internal operation
 * ones (allowedMountDirs, clusterOpTimeout...) and the accepted-but-ignored Drove ones from ClusterOperationOptions.
 */
export class ControllerOptions extends ClusterOperationOptions {
  /** Drove's switch: log APIs need no read role, any authenticated external principal may read logs. */
  @IsBoolean()
  disableReadAuth = false;

  /** How often the leader compares each app's HEALTHY count with its expected one (Drove: 30 s). */
  @IsInt()
  @Min(100)
  appMonitorIntervalMs = 30000;

  /** Operations stay refused this long after a maintenance change (Drove: 40 s, twice the executor refresh). */
  @IsInt()
  @Min(0)
  maintenanceGraceMs = 40000;

  @ValidateNested()
  @Type(() => StartBackoffConfig)
  startBackoff = new StartBackoffConfig();
}

export class InstallationConfig {
  @IsString()
  @MaxLength(50)
  label = 'local';

  @IsIn(['LOCAL', 'DEVELOPMENT', 'INTEGRATION', 'PRODUCTION'])
  criticality = 'DEVELOPMENT';
}

/** The controller's YAML file; every block is optional and a missing one takes the defaults documented here. */
export class ControllerConfig {
  @ValidateNested()
  @Type(() => ServerConfig)
  server = new ServerConfig();

  @ValidateNested()
  @Type(() => ControllerZooKeeperConfig)
  zookeeper = new ControllerZooKeeperConfig();

  @ValidateNested()
  @Type(() => ClusterAuthConfig)
  clusterAuth = new ClusterAuthConfig();

  @ValidateNested()
  @Type(() => InstanceAuthConfig)
  instanceAuth = new InstanceAuthConfig();

  @ValidateNested()
  @Type(() => UserAuthConfig)
  userAuth = new UserAuthConfig();

  @ValidateNested()
  @Type(() => ControllerOptions)
  options = new ControllerOptions();

  @ValidateNested()
  @Type(() => InstallationConfig)
  installation = new InstallationConfig();

  @ValidateNested()
  @Type(() => AuditLogConfig)
  audit = new AuditLogConfig();

  @ValidateNested()
  @Type(() => ViewSnapshotConfig)
  snapshots = new ViewSnapshotConfig();

  @ValidateNested()
  @Type(() => LimitsConfig)
  limits = new LimitsConfig();

  @ValidateNested()
  @Type(() => EventStreamConfig)
  eventStream = new EventStreamConfig();

  @ValidateNested()
  @Type(() => EventsFeedConfig)
  eventsFeed = new EventsFeedConfig();
}

export { ClusterAuthConfig, ClusterSecret, ZooKeeperConfig } from '@drove/config';
