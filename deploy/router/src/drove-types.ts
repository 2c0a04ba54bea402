// The few Drove wire shapes the router reads (reference: Drove's ExposedAppInfo and cluster events).

export interface ExposedHost {
  host: string;
  port: number;
  portType: string;
}

export interface ExposedAppInfo {
  appName: string;
  appId: string;
  vhost: string;
  tags: Record<string, string>;
  hosts: ExposedHost[];
}

export interface DroveEvent {
  type: string;
  id: string;
  time: number;
  metadata: Record<string, string | number>;
}
