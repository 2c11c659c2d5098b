/**
 * The `source` of every event the service publishes; incoming events with it are its own and never applied. A
 * module of its own, so what only needs the name (the local runtime's meter, at every start) loads no schema.
 */
export const JOURNEY_EVENT_SOURCE = 'follow-up-journeys';
