// Errors of the embedded Direct Line, shaped like the real service's ({ error: { code, message } }) so Web Chat and
// people reading the network tab see familiar answers.
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'BadSyntax'
  | 'TokenExpired'
  | 'Forbidden'
  | 'Unauthorized'
  | 'NotFound'
  | 'FileTooLarge'
  | 'TooManyRequests'
  | 'ServiceError';

export class DirectLineError extends Error {
  constructor(
    readonly status: number,
    readonly code: DirectLineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }

  toBody(): { error: { code: DirectLineErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** The Direct Line token service (cloud) failed or refused: the secret is never part of the message. */
export class DirectLineServiceError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message);
    this.name = 'DirectLineServiceError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}
