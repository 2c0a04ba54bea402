import { RuleType } from '@drove/domain';
import { RuleValue } from './rule-ast';
import { RuleCompiler } from './rule-compiler';

const input: RuleValue = {
  executorNodeId: 'e1',
  hostname: 'host-1',
  tags: ['host-1', 'ssd', 'gpu'],
  allocatedExecutorNodeMetadata: { rack: 'r1', cores: '48', 'zone/a': 'x' },
  allExecutorMetadata: { e2: { rack: 'r2' } },
  applicationEnvironment: { ENV: 'prod', SHARDS: '4' },
};

const compiler = new RuleCompiler();
const evaluate = (rule: string, ruleType: RuleType): boolean => compiler.compile(rule, ruleType).test(input);

describe('MVEL subset', () => {
  it.each([
    ['allocatedExecutorNodeMetadata.rack == "r1"', true],
    ["allocatedExecutorNodeMetadata['rack'] == 'r2'", false],
    ['allocatedExecutorNodeMetadata.cores >= 32 && applicationEnvironment.ENV != "dev"', true],
    ['tags contains "gpu" || tags contains "fpga"', true],
    ['!(tags contains "ssd")', false],
    ['"ssd" in tags', true],
    ['allocatedExecutorNodeMetadata.rack in ["r1", "r3"]', true],
    ['applicationEnvironment.SHARDS + 1 == 5', true],
    ['applicationEnvironment.SHARDS - -1 > 4', true],
    ['allExecutorMetadata.e2.rack != allocatedExecutorNodeMetadata.rack', true],
    ['hostname == "host-1" && executorNodeId == "e1"', true],
    ['tags[1] == "ssd"', true],
    ['applicationEnvironment.MISSING == null', true],
    ['applicationEnvironment.MISSING > 3', false],
    ['applicationEnvironment.ENV', false],
    ['allocatedExecutorNodeMetadata.constructor == null', true],
    ['tags.__proto__ == null', true],
  ])('%s -> %s', (rule, expected) => {
    expect(evaluate(rule, 'MVEL')).toBe(expected);
  });
});

describe('HOPE subset', () => {
  it.each([
    ['\'/allocatedExecutorNodeMetadata/rack\' == "r1"', true],
    ['"$.allocatedExecutorNodeMetadata.rack" == "r1"', true],
    ['\'/allocatedExecutorNodeMetadata/zone~1a\' == "x"', true],
    ["'/applicationEnvironment/SHARDS' + 2 > 5", true],
    ['\'/tags\' contains "gpu" && !(\'/tags\' contains "tpu")', true],
    ['"plain" == "plain"', true],
  ])('%s -> %s', (rule, expected) => {
    expect(evaluate(rule, 'HOPE')).toBe(expected);
  });
});

describe('rules that do not compile', () => {
  it.each([
    ['', 'MVEL', 'Empty rule'],
    ['a ==', 'MVEL', 'Unexpected end of rule'],
    ['a = 1', 'MVEL', "Unexpected character '='"],
    ['Runtime.getRuntime().exec("rm")', 'MVEL', 'Method and function calls are not supported'],
    ['a == "b', 'MVEL', 'Unterminated string'],
    ['a == 1; b == 2', 'MVEL', "Unexpected character ';'"],
    ['(a == 1', 'MVEL', "Expected ')'"],
    ['a == 1 b', 'MVEL', "Unexpected 'b'"],
    ['rack == "r1"', 'HOPE', "Unknown name 'rack'"],
    ['"$.a..b" == 1', 'HOPE', 'Invalid JSON path'],
    [`${'('.repeat(100)}a${')'.repeat(100)}`, 'MVEL', 'Rule nests too deeply'],
  ] as const)('%j (%s): %s', (rule, ruleType, message) => {
    expect(() => compiler.compile(rule, ruleType)).toThrow(message);
  });
});

describe('RuleCompiler cache', () => {
  it('reuses compiled rules and keeps at most its capacity', () => {
    const small = new RuleCompiler(2);
    const first = small.compile('a == 1', 'MVEL');
    expect(small.compile('a == 1', 'MVEL')).toBe(first);
    small.compile('b == 1', 'MVEL');
    small.compile('c == 1', 'MVEL');
    expect(small.compile('a == 1', 'MVEL')).not.toBe(first);
  });
});
