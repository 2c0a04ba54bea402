import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AuditLogConfig } from '../audit/audit-log.config';
import { USER_ROLES } from '../auth/drove-role';
import { IsCachingPolicy } from '../auth/caching-policy';
import { IsUserListUsable } from '../auth/user-list.validator';

export class ServerConfig {
  /** How executors and other controllers reach this one; defaults to the machine's host name. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  hostname?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  port = 4000;

  @IsInt()
  @Min(1)
  @Max(65535)
  adminPort = 4001;

  @IsString()
  @IsNotEmpty()
  bindAddress = '0.0.0.0';
}

export class ZooKeeperConfig {
  @Matches(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, { message: 'must be host:port[,host:port...]' })
  connectionString = '127.0.0.1:2181';

  /** Drove's key (`nameSpace`, not `namespace`), so Drove config files keep working. */
  @Matches(/^[A-Za-z0-9_.-]+$/, { message: 'must be a single znode name (letters, digits, _ . -)' })
  nameSpace = 'drove';

  @IsInt()
  @Min(2000)
  @Max(120000)
  sessionTimeoutMs = 30000;
}

export class ClusterSecret {
  @IsIn(['CONTROLLER', 'EXECUTOR'])
  nodeType!: 'CONTROLLER' | 'EXECUTOR';

  @IsString()
  @IsNotEmpty()
  secret!: string;
}

export class ClusterAuthConfig {
  @ValidateNested({ each: true })
  @Type(() => ClusterSecret)
  @ArrayUnique((s: ClusterSecret) => s.nodeType, { message: 'has more than one secret for a node type' })
  @ArrayUnique((s: ClusterSecret) => s.secret, { message: 'must use a different secret per node type' })
  secrets: ClusterSecret[] = [
    Object.assign(new ClusterSecret(), { nodeType: 'CONTROLLER', secret: 'DefaultControllerSecret' }),
    Object.assign(new ClusterSecret(), { nodeType: 'EXECUTOR', secret: 'DefaultExecutorSecret' }),
  ];
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

  @IsIn(['PLAIN', 'CRYPT'])
  encoding: 'PLAIN' | 'CRYPT' = 'PLAIN';

  /** Drove's Caffeine spec for the cache of verified credentials; maximumSize and expireAfter* are honoured. */
  @IsCachingPolicy()
  cachingPolicy = 'maximumSize=500, expireAfterAccess=30m';

  @ValidateNested({ each: true })
  @Type(() => UserConfig)
  @ArrayUnique((u: UserConfig) => u.username, { message: 'has a username listed twice' })
  @IsUserListUsable()
  users: UserConfig[] = [];
}

export class ControllerOptions {
  /** Drove's switch: log APIs need no read role, any authenticated external principal may read logs. */
  @IsBoolean()
  disableReadAuth = false;
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
  @Type(() => ZooKeeperConfig)
  zookeeper = new ZooKeeperConfig();

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
}
