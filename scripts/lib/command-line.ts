// Options of the project's command-line scripts. Node's parseArgs throws on an unknown or malformed
// option; a person who mistypes one should get one line saying what is wrong and what the script
// accepts (exit 2), not a stack trace.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** parseArgs with `--help` (prints `usage`, exit 0) and a one-line error plus `usage` on a bad option (exit 2). */
export function parseCommandLine<T extends ParseArgsConfig>(command: string, usage: string, config: T) {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${command}: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
