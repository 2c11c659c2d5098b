/** Fails as a step can: by a named error its state machine's Retry and Catch tell apart, or by its thread ending. */
export const handler = async (event: { exit?: boolean }) => {
  if (event.exit) process.exit(3);
  throw Object.assign(new Error('the journey was erased'), { name: 'JourneyErased' });
};
