import { containersOfExecutor } from './executor-containers';

const line = (id: string, info: string) => `${id}\t${info}`;

describe('containersOfExecutor', () => {
  it('keeps exactly the containers whose instance info names the executor', () => {
    const lines = [
      line('c1', JSON.stringify({ executorId: 'ex-1', instanceId: 'AI-1' })),
      line('c2', JSON.stringify({ executorId: 'ex-2', instanceId: 'AI-2' })),
      line('c3', JSON.stringify({ executorId: 'ex-1', taskId: 'T-1' })),
      line('c4', ''),
      line('c5', 'not json'),
      line('c6', 'null'),
      '',
    ].join('\n');
    expect(containersOfExecutor(lines, 'ex-1')).toEqual(['c1', 'c3']);
  });

  it('finds nothing in no output', () => {
    expect(containersOfExecutor('', 'ex-1')).toEqual([]);
  });
});
