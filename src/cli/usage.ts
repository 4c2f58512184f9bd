// Help texts of the `bulk-messaging` command-line tool.

/** Exit codes of `bulk-messaging check`; `usage` also covers input that cannot be read as a text list. */
export const EXIT = { ok: 0, invalidNumbers: 1, usage: 2 } as const;

/** `bulk-messaging --help`. */
export const MAIN_USAGE = `Usage: bulk-messaging <command> [options]

Commands:
  check FILE|-     split a list of phone numbers into valid, invalid and duplicate entries
  sandbox          run a local Plivo-compatible Message API on 127.0.0.1

Run "bulk-messaging <command> --help" for a command's options.
`;

/** `bulk-messaging check --help`. */
export const CHECK_USAGE = `Usage: bulk-messaging check FILE|- [--region US] [--json]

Reads a list of phone numbers from FILE (or stdin for -) and prints every entry as
valid, invalid or duplicate. Numbers may be separated by newlines, <, commas,
semicolons, tabs or spaces; "+1 415 666 7777" and "(415) 666-7777" are one number.
CSV/TSV with a header row is read from its phone column (by name, else by content).

Options:
  --region, -r CC  read numbers without + as national numbers of this country
                   (ISO code such as US or GB) when valid there; without it every
                   number must be international (country code first, + optional)
  --json           print JSON: {format, column, note, counts, unique, entries}, each
                   entry {line, column, input, status, e164, reason, country, type,
                   ambiguous, plivoReading, warning, duplicateOf}; line and column
                   are 1-based, absent values are null
  --help, -h       show this help

Exit status: 0 when no entry is invalid, 1 when any entry is invalid,
2 on bad usage or unreadable input (missing, empty, binary, not UTF-8, over 10 MB).
`;
