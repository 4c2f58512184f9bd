// Entry point of the `bulk-messaging` command-line tool.
process.stdout.write('bulk-messaging: no commands yet\n');
