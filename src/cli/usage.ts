// Help texts of the `bulk-messaging` command-line tool.

/**
 * Exit codes. `check`: ok, invalidNumbers, usage. `send`: ok (every unique valid destination
 * accepted), invalidNumbers (invalid input, nothing sent), usage (also unreadable input), auth,
 * incomplete (stopped with destinations not sent or in doubt).
 */
export const EXIT = { ok: 0, invalidNumbers: 1, usage: 2, auth: 3, incomplete: 4 } as const;

/** `bulk-messaging --help`. */
export const MAIN_USAGE = `Usage: bulk-messaging <command> [options]

Commands:
  check FILE|-     split a list of phone numbers into valid, invalid and duplicate entries
  send FILE|-      send one message to every number of a list, exactly once, resumably
  sandbox          run a local Plivo-compatible Message API on 127.0.0.1
  report JOURNAL   a send's journal as JSON or CSV: uuid, destination, state, error…

Run "bulk-messaging <command> --help" for a command's options.
`;

/** `bulk-messaging check --help`. */
export const CHECK_USAGE = `Usage: bulk-messaging check FILE|- [--region US] [--format table|json|sarif|github]

Reads a list of phone numbers from FILE (or stdin for -) and prints every entry as
valid, invalid or duplicate. Numbers may be separated by newlines, <, commas,
semicolons, tabs or spaces; "+1 415 666 7777" and "(415) 666-7777" are one number.
CSV/TSV with a header row is read from its phone column (by name, else by content).
FILE may be a regular file, a FIFO, a device or a pipe such as <(command). Text is
UTF-8 (a BOM is dropped) or UTF-16 LE/BE with a BOM (Excel's "Unicode text").
At most 10 MB is read: past it reading stops and the input is refused.

Options:
  --region, -r CC  read numbers without + as national numbers of this country
                   (ISO code such as US or GB) when valid there; without it every
                   number must be international (country code first, + optional)
  --format, -f F   how to print the result:
                   table   every entry and a summary (the default)
                   json    {format, column, note, counts, unique, entries}, each
                           entry {line, column, input, status, e164, reason,
                           country, type, ambiguous, plivoReading, warning,
                           duplicateOf}; line and column are 1-based, absent
                           values are null
                   sarif   SARIF 2.1.0, one result per problem located by line and
                           column (rules invalid-number, ambiguous-number,
                           number-warning, duplicate-number), for code scanning
                   github  GitHub Actions annotations (::error file=…,line=…,col=…::…
                           for invalid entries, ::warning and ::notice for the
                           rest), then the summary
  --json           the same as --format json
  --help, -h       show this help

Exit status: 0 when no entry is invalid, 1 when any entry is invalid (in every
format), 2 on bad usage or unreadable input (missing, empty, binary, not valid
UTF-8 or UTF-16, over 10 MB).
`;

/** `bulk-messaging send --help`. */
export const SEND_USAGE = `Usage: bulk-messaging send FILE|- --text TEXT (--src NUMBER | --powerpack UUID)
         [--url URL] [--method POST|GET] [--region CC] [--base-url ORIGIN]
         [--auth-id ID] [--journal PATH] [--pace N] [--yes] [--json]
         [--dry-run [--as LANG] [--mps N]]

Sends TEXT to every unique valid number of the list in batches of at most 1,000,
recording each batch in a journal before it is posted. Run the same command again
to continue a send that stopped: batches in doubt are checked against the account's
message list first, and no accepted destination is ever sent again.

Credentials: the auth token only from PLIVO_AUTH_TOKEN; the auth id from --auth-id
or PLIVO_AUTH_ID.

Options:
  --text, -t TEXT     the message
  --src NUMBER        sender number, short code or alphanumeric id
  --powerpack UUID    send from a Powerpack number pool instead of --src
  --url URL           status callback URL; --method POST (default) or GET
  --region, -r CC     read numbers without + as national numbers of this country
  --base-url ORIGIN   API origin (default https://api.plivo.com), for example
                      http://127.0.0.1:8089 for a sandbox
  --journal PATH      where the send's state lives (default: a file named after the
                      list and the request under $XDG_STATE_HOME/bulk-messaging, so
                      the same command finds it again); a journal of another list
                      or text is refused
  --pace N            batch requests per second at most (default 1; 0: no pacing)
  --list-rate N       message-list requests per minute while checking (default 20)
  --timeout SECONDS   how long a request waits for an answer (default 30)
  --yes, -y           send to a non-loopback URL (without it nothing is posted
                      there: the command prints what would be sent)
  --json              print the outcome as JSON on stdout
  --dry-run           send nothing: print the estimate on stderr (unique numbers
                      per country, encoding and parts, units, cost from the Pricing
                      API when credentials are set, time, warnings); with --json the
                      estimate as JSON on stdout
  --as LANG           with --dry-run: print code making the same requests, alone on
                      stdout: curl, node, python, ruby, php, java, dotnet, go, http
                      (it reads PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN; the token is never in it)
  --mps N             the account's messages per second, for the time estimate
                      (default 5, Plivo's default for SMS)
  --help, -h          show this help

Progress goes to stderr. Invalid entries are reported and skipped.
Exit status: 0 every unique valid destination accepted; 1 invalid input, nothing
sent; 2 bad usage or unreadable input; 3 authentication failed; 4 stopped with
destinations not sent or in doubt (the summary says which, and what to run next).
`;

/** `bulk-messaging report --help`. */
export const REPORT_USAGE = `Usage: bulk-messaging report JOURNAL [--csv]

Prints the send recorded in JOURNAL (the .jsonl file "bulk-messaging send" writes
and names in its summary) with one entry per destination: send_id, send_created_at,
batch, uuid, destination, country, state, error_code, error_meaning, units, rate,
amount, posted_at, answered_at, updated_at. States come from the journal (queued,
failed, not sent, in doubt); units, rate and amount are empty until known.

Options:
  --csv        CSV with a header row instead of JSON
  --help, -h   show this help

Exit status: 0 printed; 2 bad usage, or JOURNAL missing or not a journal.
`;
