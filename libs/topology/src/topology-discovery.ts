import { parseHwlocXml } from './hwloc-xml.parser';
import { readSysfsTopology, SYSFS_NODE_DIR } from './sysfs.reader';
import { CommandRunner, FileReader, nodeCommandRunner, nodeFileReader } from './system-access';
import { Topology, TopologyError } from './topology';

export const LSTOPO = 'lstopo-no-graphics';

// Where an executor's topology comes from (executor config).
export type TopologySourceConfig =
  | { type: 'HWLOC' }
  | { type: 'XML_FILE'; path: string }
  // hwloc synthetic description, e.g. "package:2 [numa(memory=64GB)] core:24 pu:2", for tests and simulations.
  | { type: 'SYNTHETIC'; description: string };

export interface DiscoveryDependencies {
  files: FileReader;
  commands: CommandRunner;
  sysRoot: string;
}

const REAL_MACHINE: DiscoveryDependencies = {
  files: nodeFileReader,
  commands: nodeCommandRunner,
  sysRoot: '/sys',
};

export async function discoverTopology(
  config: TopologySourceConfig,
  dependencies: DiscoveryDependencies = REAL_MACHINE,
): Promise<Topology> {
  const { files, commands } = dependencies;
  switch (config.type) {
    case 'XML_FILE':
      return parseHwlocXml(files.readText(config.path));
    case 'SYNTHETIC':
      return parseHwlocXml(await commands.run(LSTOPO, ['--of', 'xml', '-i', config.description]));
    case 'HWLOC':
      return discoverMachine(dependencies);
  }
}

async function discoverMachine({ files, commands, sysRoot }: DiscoveryDependencies): Promise<Topology> {
  const hwloc = await runLstopo(commands);
  // XML that hwloc printed but we cannot read is a bug to surface, not a cue to guess from sysfs.
  if ('xml' in hwloc) return parseHwlocXml(hwloc.xml);
  const nodeDir = `${sysRoot}/${SYSFS_NODE_DIR}`;
  if (!files.exists(nodeDir)) {
    throw new TopologyError(
      `Cannot discover the NUMA topology: neither hwloc (${LSTOPO}: ${hwloc.failure}) nor ${nodeDir} is available. ` +
        'Install hwloc (Debian: apt-get install hwloc) or give a topology XML file in the executor config.',
    );
  }
  return readSysfsTopology(files, sysRoot);
}

async function runLstopo(commands: CommandRunner): Promise<{ xml: string } | { failure: string }> {
  try {
    return { xml: await commands.run(LSTOPO, ['--of', 'xml']) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { failure: code === 'ENOENT' ? 'not installed' : String((error as Error).message ?? error) };
  }
}
