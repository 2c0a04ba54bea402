/** The controller's EventStore (ZooKeeper in the process, in memory in unit tests): reads and subscriptions. */
export const EVENT_STORE = Symbol('EventStore');
/** The Clock that stamps commands with `at`. */
export const CLOCK = Symbol('Clock');
/** The IdGenerator that names stored events. */
export const ID_GENERATOR = Symbol('IdGenerator');
/** This controller's host name (Drove's HOSTNAME in events about requests it served). */
export const CONTROLLER_HOSTNAME = Symbol('ControllerHostname');
