// Typed failures of the runtime port: the state machines map them to Drove's *_FAILED states and error texts.

export class ContainerRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ContainerNotFoundError extends ContainerRuntimeError {
  constructor(readonly containerId: string) {
    super(`No such container: ${containerId}`);
  }
}

export class ImageNotFoundError extends ContainerRuntimeError {
  constructor(readonly image: string) {
    super(`No such image: ${image}`);
  }
}

export class ImagePullError extends ContainerRuntimeError {
  constructor(
    readonly image: string,
    reason: string,
  ) {
    super(`Could not pull image ${image}: ${reason}`);
  }
}

export class ImagePullTimeoutError extends ImagePullError {
  constructor(image: string, timeoutMs: number) {
    super(image, `timed out after ${timeoutMs} ms`);
  }
}

export class NameConflictError extends ContainerRuntimeError {
  constructor(readonly containerName: string) {
    super(`Container name already in use: ${containerName}`);
  }
}

export class ContainerNotRunningError extends ContainerRuntimeError {
  constructor(readonly containerId: string) {
    super(`Container ${containerId} is not running`);
  }
}

export class ExecTimeoutError extends ContainerRuntimeError {
  constructor(
    readonly containerId: string,
    timeoutMs: number,
  ) {
    super(`Command in container ${containerId} did not finish within ${timeoutMs} ms`);
  }
}
