import { JOB_DONE, JobResult, OperationFailures, replacePair } from './operation-failures';

const failed = (error: string): JobResult => ({ ok: false, error });

describe('OperationFailures', () => {
  const runAll = async (results: JobResult[], cancelAfter = Infinity) => {
    const failures = new OperationFailures(results.length, 'replaced');
    let ran = 0;
    for (const result of results) {
      await failures.run(
        () => ran >= cancelAfter,
        () => {
          ran += 1;
          return Promise.resolve(result);
        },
      );
    }
    return { ran, cancelled: ran >= cancelAfter, failures };
  };

  it.each([
    ['all done', [JOB_DONE, JOB_DONE], Infinity, 2, { outcome: 'SUCCEEDED' }],
    [
      'the first fails: the rest is not attempted',
      [failed('AI-1: no'), JOB_DONE, JOB_DONE],
      Infinity,
      1,
      {
        outcome: 'FAILED',
        error: '1 of 3 instance(s) not replaced: AI-1: no; 2 not attempted after the failure',
      },
    ],
    [
      'the last fails',
      [JOB_DONE, failed('AI-2: no')],
      Infinity,
      2,
      { outcome: 'FAILED', error: '1 of 2 instance(s) not replaced: AI-2: no' },
    ],
    ['cancelled after one', [JOB_DONE, JOB_DONE], 1, 1, { outcome: 'CANCELLED' }],
    [
      'a failure then a cancel: CANCELLED, keeping the error',
      [failed('AI-1: no'), JOB_DONE],
      1,
      1,
      { outcome: 'CANCELLED', error: '1 of 2 instance(s) not replaced: AI-1: no' },
    ],
  ] as const)('%s', async (_name, results, cancelAfter, ran, expected) => {
    const run = await runAll([...results], cancelAfter);
    expect(run.ran).toBe(ran);
    expect(run.failures.outcome(run.cancelled)).toEqual(expected);
  });
});

describe('replacePair', () => {
  const pair = async (stopFirst: boolean, stop: JobResult, start: JobResult) => {
    const steps: string[] = [];
    const result = await replacePair(
      'AI-old',
      stopFirst,
      () => (steps.push('stop'), Promise.resolve(stop)),
      () => (steps.push('start'), Promise.resolve(start)),
    );
    return { steps, result };
  };

  it.each([
    [false, JOB_DONE, JOB_DONE, ['start', 'stop'], JOB_DONE],
    [false, JOB_DONE, failed('x'), ['start'], failed('AI-old kept, its replacement failed: x')],
    [false, failed('AI-old: busy'), JOB_DONE, ['start', 'stop'], failed('AI-old: busy')],
    [true, JOB_DONE, JOB_DONE, ['stop', 'start'], JOB_DONE],
    [true, JOB_DONE, failed('x'), ['stop', 'start'], failed('AI-old stopped, its replacement failed: x')],
    [true, failed('AI-old: busy'), JOB_DONE, ['stop'], failed('AI-old: busy')],
  ])('stopFirst %p, stop %j, start %j: %j', async (stopFirst, stop, start, steps, expected) => {
    expect(await pair(stopFirst, stop, start)).toEqual({ steps, result: expected });
  });
});
