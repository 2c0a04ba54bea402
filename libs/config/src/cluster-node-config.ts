import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** The config blocks every Drove-TS process has: where it listens, its ZooKeeper, the cluster's shared secrets. */

/** Each process sets its own default ports (Drove's: controller 4000/4001, executor 3000/3001). */
export abstract class NodeServerConfig {
  /** How the other nodes reach this one; defaults to the machine's host name. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  hostname?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  abstract port: number;

  @IsInt()
  @Min(1)
  @Max(65535)
  abstract adminPort: number;

  @IsString()
  @IsNotEmpty()
  bindAddress = '0.0.0.0';
}

export class ZooKeeperConfig {
  @Matches(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, { message: 'must be host:port[,host:port...]' })
  connectionString = '127.0.0.1:2181';

  /** Drove's key (`nameSpace`, not `namespace`), so Drove config files keep working: the root znode. */
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

/** Drove's `clusterAuth`: one shared secret per node type, different from each other. */
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
