/**
 * What the stack writes into its template for the readers of it (the local runtime, the infra tests), kept free of
 * aws-cdk-lib: with a cached template the local runtime starts without loading it.
 */

/** Metadata on each function's CloudFormation resource naming its handler folder; the local runtime reads it. */
export const FUNCTION_METADATA_KEY = 'journeys:function';

/** Metadata on a state machine's CloudFormation resource carrying the name HR and the local runtime know it by. */
export const STATE_MACHINE_METADATA_KEY = 'journeys:state-machine';

/** The sending rate SES gives a new production account. */
export const DEFAULT_SES_MAX_SEND_RATE = 14;
