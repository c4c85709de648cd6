/** A failure of one step of the toolchain, with what to do about it. */
export class ToolchainError extends Error {
  constructor(step, problem, remedy) {
    super(`${step}: ${problem}`);
    this.step = step;
    this.problem = problem;
    this.remedy = remedy;
  }
}

/** Prints a toolchain failure in the form every command uses and returns the exit status. */
export function report(err) {
  if (err instanceof ToolchainError) {
    console.error(`error: could not ${err.step}: ${err.problem}`);
    if (err.remedy) console.error(`  to fix: ${err.remedy}`);
    return 2;
  }
  console.error(`error: ${err && err.stack ? err.stack : err}`);
  return 2;
}
