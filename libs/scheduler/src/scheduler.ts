import { PlacementPolicy } from '@drove/domain';
import { ResourceRequirement } from '@drove/domain';
import { checkAdmission } from './admission';
import { ClusterResources } from './cluster/cluster-resources';
import { ExecutorState } from './cluster/executor-snapshot';
import { PlacementStrategy, RankedSamplingStrategy } from './pipeline/placement-strategy';
import { resourceNeed } from './pipeline/resource-need';
import { binPackRanker, spreadRanker } from './pipeline/ranker';
import { PlacementValidationError } from './placement-validation.error';
import { CompiledPolicy, compilePolicy } from './policy/compiled-policy';
import { DeployableKind } from './policy/deployable-kind';
import { effectivePolicy } from './policy/effective-policy';
import { validatePlacementPolicy } from './policy/policy-validation';
import { RandomSource, seededRandom } from './random';
import { RuleCompiler } from './rules/rule-compiler';
import { SchedulingSession } from './scheduling-session';

export interface SchedulerOptions {
  seed: number;
  ranking?: 'BIN_PACK' | 'SPREAD';
  // Feasible candidates ranked per placement: LOG2 = max(2, ceil(log2 N)) as Nomad, ALL, or a number.
  samplingLimit?: number | 'LOG2' | 'ALL';
  // Replaces ranking and samplingLimit.
  strategy?: PlacementStrategy;
  schedulableStates?: ExecutorState[];
  ruleCacheSize?: number;
}

export interface AdmissionRequest {
  kind: DeployableKind;
  policy?: PlacementPolicy;
  resources: ResourceRequirement[];
  instances: number;
}

export interface PlacementVerdict {
  executorId: string;
  hostname: string;
  // Why the executor is turned down, or null when the policy accepts it (resources aside).
  rejection: string | null;
}

export interface SessionSpec {
  deployableId: string;
  kind: DeployableKind;
  policy?: PlacementPolicy;
  env?: Record<string, string>;
  // The executor of each live instance of the deployable, as Drove seeds its session map.
  existingInstances?: string[];
}

// The placement entry point. Single-threaded by construction (like Drove's synchronized selectNodes):
// callers place one instance at a time.
export class Scheduler {
  readonly cluster = new ClusterResources();
  readonly rules: RuleCompiler;
  private readonly random: RandomSource;
  private readonly strategy: PlacementStrategy;
  private readonly schedulableStates: ReadonlySet<string>;
  private readonly compiled: Record<DeployableKind, WeakMap<PlacementPolicy, CompiledPolicy>> = {
    APPLICATION: new WeakMap(),
    TASK: new WeakMap(),
    LOCAL_SERVICE: new WeakMap(),
  };

  constructor(options: SchedulerOptions) {
    this.random = seededRandom(options.seed);
    this.rules = new RuleCompiler(options.ruleCacheSize);
    const ranker = options.ranking === 'SPREAD' ? spreadRanker : binPackRanker;
    this.strategy = options.strategy ?? new RankedSamplingStrategy(ranker, options.samplingLimit);
    this.schedulableStates = new Set(options.schedulableStates ?? ['ACTIVE']);
  }

  validate(policy: PlacementPolicy, kind: DeployableKind): string[] {
    return validatePlacementPolicy(policy, kind, this.rules);
  }

  // Throws PlacementValidationError for a policy that is not valid for the kind of deployable.
  openSession(spec: SessionSpec): SchedulingSession {
    const policy = this.policyFor(spec.policy, spec.kind);
    const context = {
      cluster: this.cluster,
      random: this.random,
      strategy: this.strategy,
      schedulableStates: this.schedulableStates,
    };
    return new SchedulingSession(context, policy, spec.env ?? {}, spec.existingInstances ?? []);
  }

  // A dry run of a placement policy (Drove has one for rules): what each executor would say, by executor id.
  // Throws PlacementValidationError for an invalid policy.
  dryRun(spec: SessionSpec): PlacementVerdict[] {
    const session = this.openSession(spec);
    const policy = this.policyFor(spec.policy, spec.kind);
    return [...this.cluster.executors]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((executor) => ({
        executorId: executor.id,
        hostname: executor.hostname,
        rejection: this.isSchedulable(executor.state)
          ? policy.check(executor, session)
          : `executor is ${executor.state}`,
      }));
  }

  // Drove's admission check for starting `instances` more instances: its error text, or null to go ahead.
  // Throws PlacementValidationError for an invalid policy.
  admit(request: AdmissionRequest): string | null {
    const need = resourceNeed(request.resources);
    if (typeof need === 'string') return need;
    const policy = this.policyFor(request.policy, request.kind);
    return checkAdmission(
      this.cluster,
      policy,
      (state) => this.isSchedulable(state),
      need,
      request.instances,
    );
  }

  // The effective policy, validated and compiled once per policy object (specs are immutable).
  policyFor(policy: PlacementPolicy | undefined, kind: DeployableKind): CompiledPolicy {
    const cached = policy && this.compiled[kind].get(policy);
    if (cached) return cached;
    const problems = policy ? this.validate(policy, kind) : [];
    if (problems.length > 0) throw new PlacementValidationError(problems);
    const compiled = compilePolicy(effectivePolicy(policy, kind), this.rules);
    if (policy) this.compiled[kind].set(policy, compiled);
    return compiled;
  }

  isSchedulable(state: string): boolean {
    return this.schedulableStates.has(state);
  }
}
