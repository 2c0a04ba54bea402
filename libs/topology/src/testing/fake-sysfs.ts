import { FileReader } from '../system-access';

// A fake /sys: a two-node machine with hyperthreads (siblings 0/2 and 1/3 on node 0, 4/5 on node 1).
export function fakeSysfs(root: string, extra: Record<string, string> = {}): FileReader {
  const files: Record<string, string> = {
    [`${root}/devices/system/node/node0/cpulist`]: '0-3\n',
    [`${root}/devices/system/node/node0/meminfo`]: 'Node 0 MemTotal:  4194304 kB\nNode 0 MemFree: 1 kB\n',
    [`${root}/devices/system/node/node1/cpulist`]: '4-5\n',
    [`${root}/devices/system/node/node1/meminfo`]: 'Node 1 MemTotal:  2097152 kB\n',
    [`${root}/devices/system/cpu/cpu0/topology/thread_siblings_list`]: '0,2\n',
    [`${root}/devices/system/cpu/cpu1/topology/thread_siblings_list`]: '1,3\n',
    [`${root}/devices/system/cpu/cpu4/topology/thread_siblings_list`]: '4-5\n',
    ...extra,
  };
  const entries = (dir: string): string[] => [
    ...new Set(
      Object.keys(files)
        .filter((path) => path.startsWith(`${dir}/`))
        .map((path) => path.slice(dir.length + 1).split('/')[0]),
    ),
  ];
  return {
    exists: (path) => path in files || entries(path).length > 0,
    readText: (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return files[path];
    },
    list: (dir) => [...entries(dir), 'possible', 'online'],
  };
}
