// Colour (chalk), loaded by CliContext.loadColor with the command that paints: `--version` and `--help`
// never load it, and the bundled CLI keeps it in a file of its own (scripts/bundle.mjs).
export { Chalk } from 'chalk';
