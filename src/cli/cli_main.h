#pragma once

namespace invoicer::cli {

// The `invoicer` command line: parses the arguments, sets up logging, runs the chosen
// subcommand and returns the process exit code (exit_codes.h). Never throws: the one
// catch-all of the CLI edge logs anything unexpected and returns the internal-error code.
int Main(int argc, char** argv);

}  // namespace invoicer::cli
