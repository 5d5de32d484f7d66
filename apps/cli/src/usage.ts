/** A usage or input error: each problem is printed on its own stderr line and the exit status is 2. */
export class UsageError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'UsageError';
  }
}
