import { PortBinding } from '../runtime/container-runtime.port';
import { InstancePort } from './container-spec';
import { InstancePortInfo } from './executor-instance-info';

// Drove's `localInfo.ports`: each named port with the host port bound to it (0 while unknown).
export function portInfoFrom(ports: InstancePort[], bound: PortBinding[]): Record<string, InstancePortInfo> {
  const result: Record<string, InstancePortInfo> = {};
  for (const port of ports) {
    const protocol = port.type === 'UDP' ? 'udp' : 'tcp';
    const binding = bound.find((b) => b.containerPort === port.port && b.protocol === protocol);
    result[port.name] = { containerPort: port.port, hostPort: binding?.hostPort ?? 0, portType: port.type };
  }
  return result;
}
