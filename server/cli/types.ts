export type ParsedArgs = { positional: string[]; flags: Record<string, string | true> };

export type CliCommand = {
  name: string;
  usage: string;
  summary: string;
  /** Changes roles: with REDIS_URL, starts the headless Socket.IO that re-authorises open sockets (decision 042). */
  reachesSockets?: boolean;
  run(args: ParsedArgs): Promise<number | void>;
};

export class CliError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const [key, inline] = arg.slice(2).split("=", 2);
      if (inline !== undefined) flags[key] = inline;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) flags[key] = argv[++i];
      else flags[key] = true;
    } else positional.push(arg);
  }
  return { positional, flags };
}

export function requireFlag(args: ParsedArgs, name: string): string {
  const value = args.flags[name];
  if (typeof value !== "string" || !value.trim()) throw new CliError(`--${name} is required`);
  return value.trim();
}
