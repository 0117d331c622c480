// The invoicer binary: everything lives in the libraries; see cli/cli_main.h.
#include "cli/cli_main.h"

int main(int argc, char** argv) { return invoicer::cli::Main(argc, argv); }
