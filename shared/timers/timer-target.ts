/**
 * The function every schedule calls (fire-timer): its ARN is in each scheduling function's environment, except in
 * fire-timer's own, which cannot hold it (the function would depend on itself). There it is the ARN the scheduler
 * invoked it by: the target's unqualified ARN.
 */
let invokedAs: string | undefined;

/** fire-timer, as it is invoked: the schedules it makes call it back by the same ARN. */
export const invokedAsTimerTarget = (invokedFunctionArn: string): void => {
  invokedAs = invokedFunctionArn;
};

export const timerTargetArn = (): string => {
  const arn = process.env.TIMER_TARGET_ARN || invokedAs;
  if (!arn) throw new Error('TIMER_TARGET_ARN is not set');
  return arn;
};
