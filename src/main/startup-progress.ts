/**
 * A start-up step told to the person at the terminal (「数据库迁移…」): the first start can take
 * a minute (the embedded database, migrations, a private Redis) and should not look stuck.
 */
export type StartupProgress = (step: string) => void;

export const noProgress: StartupProgress = () => undefined;

/** Progress lines on a terminal; nothing elsewhere, where the JSON log lines say the same. */
export function terminalProgress(out: {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}): StartupProgress {
  if (out.isTTY !== true) return noProgress;
  return (step) => {
    out.write(`  ${step}\n`);
  };
}
