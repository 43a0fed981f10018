import type { ClientSettings } from "../settings/settings";

/** What an error answer is judged by: its Huawei code and message, the server's `Date`, and when it was signed. */
export interface RefusedAnswer {
  status?: number | undefined;
  errorCode: string;
  errorMessage: string;
  /** The answer's `Date` header. */
  serverDate?: string | null | undefined;
  /** Epoch ms of the attempt's `X-Sdk-Date`. */
  signedAt?: number | undefined;
}

// The gateway's answers to a signature outside its window: APIG.0201 "Request expired", and APIG.0301 / APIG.0303
// "... signature expired" (APIGW.* on the shared gateway).
const EXPIRED_CODES = /^APIGW?\.0(201|301|303)$/;
// APIG.0307 "The token must be updated.": the security token of a temporary credential has expired.
const TOKEN_CODES = /^APIGW?\.0307$/;

/**
 * What the user can do about an answer, appended to its message: how far the local clock is from the server's when a
 * signature expired, and which setting held a refused security token (never its value). Empty for other answers.
 */
export function answerNote(settings: ClientSettings, answer: RefusedAnswer): string {
  if (EXPIRED_CODES.test(answer.errorCode) && /expired/i.test(answer.errorMessage)) return clockNote(answer);
  const token = settings.securityToken !== undefined && answer.status === 401;
  if (token && (TOKEN_CODES.test(answer.errorCode) || /token/i.test(answer.errorMessage))) {
    const where = settings.settingKeys?.securityToken ?? "the securityToken setting";
    return ` (the security token set in ${where} was refused: temporary credentials expire; set a fresh access key, secret key and security token; the token is not shown)`;
  }
  return "";
}

const WINDOW = "X-Sdk-Date must be within 15 minutes of the server's time";

function clockNote(answer: RefusedAnswer): string {
  const server = answer.serverDate ? Date.parse(answer.serverDate) : Number.NaN;
  if (answer.signedAt === undefined || Number.isNaN(server)) {
    return ` (${WINDOW}, and the answer carried no Date to compare with: check this machine's clock)`;
  }
  // Both clocks at the second, as X-Sdk-Date and Date carry them.
  const skew = Math.floor(answer.signedAt / 1000) * 1000 - server;
  const side = skew > 0 ? "ahead of" : "behind";
  return ` (this machine's clock is ${duration(Math.abs(skew))} ${side} the server's, whose Date header says ${answer.serverDate}; ${WINDOW}: correct the clock, e.g. with NTP)`;
}

/** `2 h 3 min 4 s`, to the second (the server's Date has no finer precision). */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const parts = [
    [Math.floor(seconds / 3600), "h"],
    [Math.floor((seconds % 3600) / 60), "min"],
    [seconds % 60, "s"],
  ] as const;
  const shown = parts.filter(([value]) => value > 0).map(([value, unit]) => `${value} ${unit}`);
  return shown.length === 0 ? "0 s" : shown.join(" ");
}
